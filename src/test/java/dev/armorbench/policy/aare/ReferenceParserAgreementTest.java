package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the engine against apparmor_parser itself (Debian package {@code apparmor}): for each pattern
 * the first-stage translation it prints ({@code -D rule-exprs}) must be byte-identical to ours, and
 * the DFA it builds for the kernel ({@code -D compressed-dfa}, run here the way the kernel runs it)
 * must accept exactly the strings ours accepts. Skips when apparmor_parser is not installed, except
 * under {@code CI=true}.
 */
class ReferenceParserAgreementTest {

    private static Path parser;

    @TempDir
    Path dir;

    @BeforeAll
    static void findParser() {
        for (String candidate : List.of("/usr/sbin/apparmor_parser", "/sbin/apparmor_parser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                parser = Path.of(candidate);
            }
        }
        if (parser == null) {
            String message = "apparmor_parser is not installed (apt-get install apparmor); "
                    + "skipping the comparison with the reference";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
    }

    private static final List<String> HANDWRITTEN = List.of(
            "/etc/**", "/etc/*", "/etc/*/", "/**/", "/**/x", "/a/***", "/a/*b*", "/a/f**", "/a/**.so*",
            "/lib{,32,64}/**.so*", "/usr/{bin,sbin}/{a,b{c,d}}e", "/a/{,x}", "/a/{x,}", "/a/{,}",
            "/a/[abc]", "/a/[^abc]", "/a/[a-z]*", "/a/[z-a]", "/a/[-a]", "/a/[^-a]", "/a/[^^a]", "/a/[\\]]",
            "/a/[*]", "/a/[?]", "/a/[\\^b]", "/a/[a\\,b]", "/a/[{,}]", "/a/[.+|()]", "/a/x.y+z(a)|b^c$d",
            "/a/\\*\\?\\{\\}\\[\\]\\,", "/a/\\q", "/a/\\101\\x42\\d067", "/a/\\x7e\\d126", "/a/\\\\x", "/a/é*?",
            "/a/\\377", "/a//b", "//ns/x", "/a/b/", "/tmp/x, /etc/\\*\\* rw", "/a/@x", "/a/#x",
            "/{a{b{c{d,e},f},g},h}/**", "/proc/[0-9]*/{status,maps}", "/a/*/b/**/c?d[!e]");

    private static final List<String> INVALID = List.of(
            "/a/[a-]", "/a/[]", "/a/{b}", "/a/{}", "/a/\\", "/a/{b,c", "/a/b}", "/a/[bc", "/a/bc]", "/a/[]x]",
            "/a/" + "{a".repeat(50) + ",b}".repeat(50));

    @Test
    void translationAndDfaAgreeWithApparmorParser() throws Exception {
        List<String> patterns = new ArrayList<>(HANDWRITTEN);
        List<List<AarePatternPropertyTest.Tok>> tokens = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AarePatternPropertyTest.Generated g = AarePatternPropertyTest.generate(new Random(i));
            patterns.add(g.aare());
            tokens.add(g.toks());
        }
        List<String> translations = new ArrayList<>();
        List<KernelDfa> dfas = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        for (int from = 0; from < patterns.size(); from += 50) {
            List<String> chunk = patterns.subList(from, Math.min(patterns.size(), from + 50));
            Compiled batch = compileWithReference(chunk, 4);
            if (batch == null) {
                // Some pattern makes apparmor_parser loop; find it and leave it out.
                batch = new Compiled(new ArrayList<>(), new ArrayList<>());
                for (String one : chunk) {
                    Compiled single = compileWithReference(List.of(one), 2);
                    if (single == null) {
                        hangs.add(one);
                        batch.translations().add(null);
                        batch.dfas().add(null);
                    } else {
                        batch.translations().addAll(single.translations());
                        batch.dfas().addAll(single.dfas());
                    }
                }
            }
            translations.addAll(batch.translations());
            dfas.addAll(batch.dfas());
        }
        assertThat(translations).hasSize(patterns.size());
        assertThat(dfas).hasSize(patterns.size());

        int translationAgree = 0;
        int probes = 0;
        int probeAgree = 0;
        List<String> disagreements = new ArrayList<>();
        Random random = new Random(7);
        int compared = 0;
        for (int i = 0; i < patterns.size(); i++) {
            if (translations.get(i) == null) {
                continue;
            }
            compared++;
            String aare = AareTokenText.unquote("\"" + patterns.get(i) + "\"");
            Wtf8.Encoded source = PcreTranslation.filterSlashes(Wtf8.encodeWithPositions(aare));
            byte[] ours = PcreTranslation.translate(aare, source.bytes(), source.charIndex()).regex();
            String oursText = new String(ours, StandardCharsets.ISO_8859_1);
            // Our unquoting keeps a non-ASCII byte escape as "\\ooo" (a Java string cannot hold a lone
            // byte); the regex stage reads both forms as the same byte.
            if (oursText.equals(translations.get(i)) || octalToBytes(oursText).equals(translations.get(i))) {
                translationAgree++;
            } else {
                disagreements.add("translation of " + patterns.get(i) + ": ours " + oursText + ", reference "
                        + translations.get(i));
            }
            AarePattern pattern = AarePattern.compilePath(aare);
            List<byte[]> strings = new ArrayList<>();
            if (i >= HANDWRITTEN.size()) {
                for (int k = 0; k < 30; k++) {
                    strings.add(AarePatternPropertyTest.sample(tokens.get(i - HANDWRITTEN.size()), random)
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            for (int k = 0; k < 60; k++) {
                strings.add(randomPath(random));
            }
            strings.addAll(handwrittenProbes());
            for (byte[] s : strings) {
                probes++;
                boolean reference;
                try {
                    reference = dfas.get(i).accepts(s);
                } catch (ArrayIndexOutOfBoundsException e) {
                    throw new IllegalStateException("pattern " + i + " " + patterns.get(i) + " " + dfas.get(i), e);
                }
                if (reference == pattern.matches(s)) {
                    probeAgree++;
                } else if (disagreements.size() < 40) {
                    disagreements.add("'" + patterns.get(i) + "' on '" + new String(s, StandardCharsets.UTF_8)
                            + "': reference " + reference);
                }
            }
        }
        System.out.printf("AARE vs apparmor_parser: translation identical for %d/%d patterns; "
                + "DFA acceptance agrees on %d/%d probes%n", translationAgree, compared, probeAgree, probes);
        hangs.forEach(h -> System.out.println("  apparmor_parser did not finish within 2 s on: " + h));
        disagreements.forEach(d -> System.out.println("  disagreement: " + d));
        assertThat(disagreements).isEmpty();
    }

    private record Compiled(List<String> translations, List<KernelDfa> dfas) {
    }

    /** Translations and kernel DFAs of {@code patterns}, or null when apparmor_parser does not finish. */
    private Compiled compileWithReference(List<String> patterns, int timeoutSeconds) throws Exception {
        StringBuilder profile = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            profile.append("profile p").append(i).append(" { \"").append(patterns.get(i)).append("\" r, }\n");
        }
        Path file = dir.resolve("patterns.profile");
        Files.writeString(file, profile);
        // Two runs: once rule-exprs has printed, the parser's stream stays in hex for the DFA dump.
        Run run = run(file, timeoutSeconds, "-D", "rule-exprs");
        Run dfaRun = run == null ? null : run(file, timeoutSeconds, "-D", "compressed-dfa");
        if (run == null || dfaRun == null) {
            return null;
        }
        assertThat(run.exit).as(run.output).isZero();
        assertThat(dfaRun.exit).as(dfaRun.output).isZero();
        // apparmor_parser handles profiles in name order (p0, p1, p10, ...): key everything by name.
        String[] translations = new String[patterns.size()];
        KernelDfa[] dfas = new KernelDfa[patterns.size()];
        Matcher m = Pattern.compile("(?m)^aare: (.*?)   ->   (.*)$").matcher(run.output);
        List<Integer> order = new ArrayList<>();
        int current = -1;
        while (m.find()) {
            if (m.group(1).matches("p\\d+")) {
                current = Integer.parseInt(m.group(1).substring(1));
                order.add(current);
            } else {
                translations[current] = m.group(2);
            }
        }
        List<KernelDfa> parsed = KernelDfa.parseAll(dfaRun.output);
        assertThat(parsed).hasSize(order.size());
        for (int k = 0; k < order.size(); k++) {
            dfas[order.get(k)] = parsed.get(k);
        }
        return new Compiled(new ArrayList<>(List.of(translations)), new ArrayList<>(List.of(dfas)));
    }

    @Test
    void variableExpansionMeansWhatApparmorParserMakesOfIt() throws Exception {
        AareVariables vars = new AareVariables(java.util.Map.of(
                "HOMEDIRS", List.of("/home/"), "HOME", List.of("@{HOMEDIRS}/*/", "/root/"),
                "multi", List.of("a", "b/", "/c"), "one", List.of("/x/")));
        List<String> rules = List.of("@{HOME}/.bashrc", "/x/@{HOME}", "/y/@{multi}/z", "@{one}/@{multi}*",
                "/a/\\@\\{one\\}");
        StringBuilder profile = new StringBuilder("@{HOMEDIRS}=/home/\n@{HOME}=@{HOMEDIRS}/*/ /root/\n"
                + "@{multi}=a b/ /c\n@{one}=/x/\nprofile v {\n");
        rules.forEach(r -> profile.append("  \"").append(r).append("\" r,\n"));
        profile.append("}\n");
        Path file = dir.resolve("vars.profile");
        Files.writeString(file, profile);
        Run run = run(file, 20, "-D", "rule-exprs");
        assertThat(run.exit).as(run.output).isZero();
        List<String> reference = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^aare: (.*?)   ->   ").matcher(run.output);
        while (m.find()) {
            if (!m.group(1).equals("v")) {
                reference.add(m.group(1));
            }
        }
        assertThat(reference).hasSize(rules.size());
        // The reference may order alternatives differently; the languages must be equal.
        for (String rule : rules) {
            AarePattern ours = AarePattern.compilePath(vars.expand(AareTokenText.unquote("\"" + rule + "\"")));
            boolean found = reference.stream().map(AarePattern::compilePath)
                    .anyMatch(theirs -> theirs.covers(ours) && ours.covers(theirs));
            assertThat(found).as("%s expands to %s; reference: %s", rule, ours, reference).isTrue();
        }
    }

    @Test
    void rejectsExactlyWhatApparmorParserRejects() throws Exception {
        for (String bad : INVALID) {
            Path file = dir.resolve("bad.profile");
            Files.writeString(file, "profile bad { \"" + bad + "\" r, }\n");
            Run run = run(file, 20, "-D", "rule-exprs");
            boolean oursRejects;
            try {
                AarePattern.compilePath(AareTokenText.unquote("\"" + bad + "\""));
                oursRejects = false;
            } catch (AareSyntaxException e) {
                oursRejects = true;
            }
            assertThat(run.exit != 0).as("apparmor_parser rejects %s", bad).isTrue();
            assertThat(oursRejects).as("we reject %s", bad).isTrue();
        }
    }

    private static String octalToBytes(String s) {
        Matcher m = Pattern.compile("\\\\([0-3][0-7][0-7])").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<byte[]> handwrittenProbes() {
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of("/", "//", "/a", "/a/", "/a/b", "/a//b", "/etc/", "/etc/x", "/etc/x/", "/a/*",
                "/a/]", "/a/[", "/a/^", "/a/c", "/a/b]", "/a/[]", "/a/\\", "/a/\\x", "/a/x.y+z(a)|b^c$d",
                "/a/*?{}[],", "/a/q", "/a/ABC", "/a/\n\t\033", "/a/éx", "/a/é", "/tmp/x, /etc/** rw", "//ns/x",
                "/lib64/a/libc.so.6", "/usr/sbin/ade", "/proc/123/maps", "/a/x/b/y/c?d!", "/a/xby", "/h/**")) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        out.add(new byte[] {'/', 'a', '/', (byte) 0xFF});
        return out;
    }

    private static byte[] randomPath(Random r) {
        String alphabet = "ab/.-c]^*";
        int n = r.nextInt(8);
        byte[] b = new byte[n + 1];
        b[0] = '/';
        for (int i = 1; i <= n; i++) {
            b[i] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return b;
    }

    private record Run(int exit, String output) {
    }

    /** Runs apparmor_parser without loading anything; null when it does not finish in time. */
    private static Run run(Path file, int timeoutSeconds, String... dumps) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(parser.toString(), "-Q", "-K"));
        cmd.addAll(List.of(dumps));
        cmd.add(file.toString());
        Path out = file.resolveSibling(file.getFileName() + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            // apparmor_parser forks; the child is the one that loops, so end the whole tree.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return null;
        }
        return new Run(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1));
    }

    /** The kernel's table-compressed DFA as apparmor_parser dumps it, run as the kernel runs it. */
    private record KernelDfa(int[] accept, int[] defaults, int[] base, int[] next, int[] check) {

        private static final Pattern STATE = Pattern.compile("^(\\d+): \\((\\d+), (\\d+), (\\d+)\\)");
        private static final Pattern ENTRY = Pattern.compile("^(\\d+): \\((\\d+), (\\d+)\\)");

        static List<KernelDfa> parseAll(String dump) {
            List<KernelDfa> out = new ArrayList<>();
            List<int[]> states = null;
            List<int[]> entries = null;
            // A displayed byte may itself be a line break, so lines that match nothing are skipped.
            for (String line : dump.split("\n")) {
                if (line.startsWith("size=") && line.contains("(accept, default, base)")) {
                    if (entries != null) {
                        out.add(of(states, entries));
                    }
                    states = new ArrayList<>();
                    entries = null;
                } else if (line.startsWith("size=") && line.contains("(next, check)")) {
                    entries = new ArrayList<>();
                } else if (entries != null) {
                    Matcher m = ENTRY.matcher(line);
                    if (m.find()) {
                        entries.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))});
                    }
                } else if (states != null) {
                    Matcher m = STATE.matcher(line);
                    if (m.find()) {
                        states.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
                    }
                }
            }
            if (entries != null) {
                out.add(of(states, entries));
            }
            return out;
        }

        private static KernelDfa of(List<int[]> states, List<int[]> entries) {
            int n = states.stream().mapToInt(a -> a[0]).max().orElse(0) + 1;
            int size = entries.stream().mapToInt(a -> a[0]).max().orElse(0) + 257;
            int[] accept = new int[n];
            int[] def = new int[n];
            int[] base = new int[n];
            for (int[] st : states) {
                accept[st[0]] = st[1];
                def[st[0]] = st[2];
                base[st[0]] = st[3];
            }
            int[] next = new int[size];
            int[] check = new int[size];
            java.util.Arrays.fill(check, -1);
            for (int[] e : entries) {
                next[e[0]] = e[1];
                check[e[0]] = e[2];
            }
            return new KernelDfa(accept, def, base, next, check);
        }

        boolean accepts(byte[] input) {
            int s = 1;
            for (byte value : input) {
                int pos = base[s] + (value & 0xFF);
                s = pos < check.length && check[pos] == s ? next[pos] : defaults[s];
            }
            return accept[s] != 0;
        }
    }
}
