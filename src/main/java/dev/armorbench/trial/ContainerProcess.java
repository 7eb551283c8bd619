package dev.armorbench.trial;

/**
 * One process of a running container, as the engine lists it ({@code docker top}) with the AppArmor
 * label the kernel gives it.
 *
 * @param hostPid   its pid on the host (not inside the container's pid namespace)
 * @param parentPid its parent's host pid
 * @param user      its user as {@code ps} shows it
 * @param command   its command line
 * @param label     which profile confines it
 */
public record ContainerProcess(long hostPid, long parentPid, String user, String command, ConfinementLabel label) {
}
