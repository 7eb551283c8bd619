package dev.armorbench.trial;

import java.util.List;

/**
 * What the engine says about itself, for the panel's header and for deciding whether a trial can
 * be confined at all.
 *
 * @param endpoint         where it was reached
 * @param version          the engine's version, e.g. {@code 20.10.24+dfsg1}
 * @param apiVersion       the API version it speaks, e.g. {@code 1.41}
 * @param operatingSystem  e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param kernelVersion    the host kernel
 * @param securityOptions  as listed by {@code docker info}, e.g. {@code name=seccomp,profile=default}
 */
public record EngineStatus(DockerEndpoint endpoint, String version, String apiVersion, String operatingSystem,
                           String kernelVersion, List<String> securityOptions) {
    public EngineStatus {
        securityOptions = List.copyOf(securityOptions);
    }

    /**
     * Whether the engine reports AppArmor among its security options. Without it the engine accepts
     * {@code --security-opt apparmor=NAME} and silently ignores it: the container runs unconfined.
     */
    public boolean appArmorEnabled() {
        return securityOptions.stream().anyMatch(option -> option.equals("name=apparmor")
                || option.startsWith("name=apparmor,") || option.equals("apparmor"));
    }

    /** One line for the panel: "Docker 20.10.24 (API 1.41) at unix:///… — AppArmor: yes". */
    public String summary() {
        return "Docker " + version + " (API " + apiVersion + ") at " + endpoint.host()
                + " — AppArmor: " + (appArmorEnabled() ? "yes" : "no (profiles are not applied)");
    }
}
