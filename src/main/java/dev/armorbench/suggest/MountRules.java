package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * mount, remount, umount and pivot_root events. Mount options are kept only when each is a plain
 * word; a source or mount point is a literal path.
 */
final class MountRules {
    private MountRules() {
    }

    static RuleRequest request(AuditEvent.Mount event) {
        String operation = event.operation() == null ? "" : event.operation();
        String name = event.name() == null || event.name().isEmpty() ? null : RuleText.literal(event.name());
        switch (operation) {
            case "umount":
                return name == null ? null
                        : FixedRequest.of(RuleKind.UMOUNT, event.name(), "umount " + name + ",", "umount,");
            case "pivotroot": {
                if (name == null) {
                    return null;
                }
                String old = event.source() == null || event.source().isEmpty() ? ""
                        : " oldroot=" + RuleText.literal(event.source());
                return FixedRequest.of(RuleKind.PIVOT_ROOT, event.name(), "pivot_root" + old + " " + name + ",",
                        "pivot_root " + name + ",");
            }
            case "mount":
            case "remount": {
                if (name == null) {
                    return null;
                }
                SortedSet<String> options = new TreeSet<>();
                if (event.flags() != null) {
                    for (String flag : event.flags().split(",")) {
                        String word = RuleText.word(flag.trim());
                        if (word != null) {
                            options.add(word);
                        }
                    }
                }
                if (operation.equals("remount")) {
                    options.add("remount");
                }
                String fstype = RuleText.word(event.fstype());
                String conditions = (fstype == null ? "" : " fstype=" + fstype)
                        + (options.isEmpty() ? "" : " options=(" + String.join(", ", options) + ")");
                String source = event.source() == null || event.source().isEmpty() ? ""
                        : " " + RuleText.literal(event.source());
                return FixedRequest.of(RuleKind.MOUNT, event.name(), "mount" + conditions + source + " -> " + name + ",",
                        "mount" + conditions + " -> " + name + ",");
            }
            default:
                return null;
        }
    }
}
