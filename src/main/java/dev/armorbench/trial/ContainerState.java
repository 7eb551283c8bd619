package dev.armorbench.trial;

import java.util.List;

/**
 * A container as the engine describes it ({@code docker inspect}).
 *
 * @param id               the container id
 * @param status           {@code created}, {@code running}, {@code exited}, …
 * @param running          whether it runs now
 * @param hostPid          the host pid of its first process (docker-init with {@code --init}); 0 when not running
 * @param exitCode         its exit status once exited
 * @param appArmorProfile  the profile the engine applied; empty on an engine without AppArmor, which ignores the option
 * @param securityOptions  the security options it was created with
 */
public record ContainerState(String id, String status, boolean running, long hostPid, long exitCode,
                             String appArmorProfile, List<String> securityOptions) {
    public ContainerState {
        securityOptions = List.copyOf(securityOptions);
    }
}
