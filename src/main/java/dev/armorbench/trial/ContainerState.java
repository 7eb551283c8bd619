package dev.armorbench.trial;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param startedAt        when it last started, to take AppArmor events "since the start"; empty before the first start
 */
public record ContainerState(String id, String status, boolean running, long hostPid, long exitCode,
                             String appArmorProfile, List<String> securityOptions, Optional<Instant> startedAt) {
    public ContainerState {
        securityOptions = List.copyOf(securityOptions);
    }
}
