package dev.armorbench.e2e;

import java.nio.file.Path;

/**
 * A built guest in the cache: the kernel, the initramfs that loads the virtio and ext4 modules,
 * and the raw ext4 root image (always attached {@code snapshot=on}, so it never changes).
 */
record GuestImage(Path directory) {

    Path kernel() {
        return directory.resolve("vmlinuz");
    }

    Path initramfs() {
        return directory.resolve("initrd.img");
    }

    Path rootImage() {
        return directory.resolve("rootfs.img");
    }

    Path manifest() {
        return directory.resolve("manifest");
    }
}
