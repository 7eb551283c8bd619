package dev.armorbench.policy.model;

/**
 * An exec transition: {@code ix px Px cx Cx ux Ux pix Pix cix Cix pux PUx cux CUx}, or bare
 * {@code x} (deny rules only).
 *
 * @param target 'i', 'p', 'c', 'u' or 'x' for bare x
 * @param fallback 'i', 'u' or 0
 * @param scrub the environment is cleaned (upper case, or {@code safe})
 */
public record ExecMode(char target, char fallback, boolean scrub) {
    public String text() {
        if (target == 'x') {
            return "x";
        }
        StringBuilder out = new StringBuilder();
        out.append(scrub && target != 'i' ? Character.toUpperCase(target) : target);
        if (fallback != 0) {
            out.append(scrub && target != 'i' ? Character.toUpperCase(fallback) : fallback);
        }
        return out.append('x').toString();
    }
}
