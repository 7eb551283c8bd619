package dev.armorbench.trial.load;

/**
 * What AppArmor 4 added to the policy language that AppArmor 3's {@code apparmor_parser} refuses:
 * it stops at the first such place and loads none of the file. Each has a probe, which asks the
 * installed parser whether it reads it, and words for the warning and its fix; {@link
 * AppArmor4Uses} finds where a text uses it. Network rules with permissions or addresses are the
 * other such case; they have a check of their own ({@link InstalledParserCheck#check}), since their
 * fix rewrites the rule.
 */
public enum AppArmor4Feature {
    USERNS_RULE("userns", "userns rules", Place.RULE, "  userns,\n",
            "AppArmor 3 does not mediate user namespaces, so without the rule nothing changes here",
            "AppArmor 3 does not mediate user namespaces"),
    MQUEUE_RULE("mqueue", "mqueue rules", Place.RULE, "  mqueue,\n",
            "AppArmor 3 does not mediate message queues, so without the rule nothing changes here",
            "AppArmor 3 does not mediate message queues"),
    IO_URING_RULE("io_uring", "io_uring rules", Place.RULE, "  io_uring,\n",
            "AppArmor 3 does not mediate io_uring, so without the rule nothing changes here",
            "AppArmor 3 does not mediate io_uring"),
    ALL_RULE("all", "the rule 'all'", Place.RULE, "  all,\n",
            "AppArmor 3 has no rule for everything: write the rules the profile needs", null),
    PRIORITY("priority", "rule priorities (priority=N)", Place.RULE, "  priority=1 /armorbench-probe r,\n",
            "without it, AppArmor 3 weighs the rule as usual (a deny wins over an allow)",
            "AppArmor 3 has no rule priorities"),
    PROMPT_RULE("prompt", "the qualifier 'prompt'", Place.RULE, "  prompt /armorbench-probe r,\n",
            "AppArmor 3 cannot ask: write allow or deny", null),
    DEFAULT_ALLOW_FLAG("flag", "the profile flag 'default_allow'", Place.FLAG, "flags=(default_allow)",
            "AppArmor 3 has no allow-by-default mode: 'unconfined' is the nearest, or write the rules", null),
    PROMPT_FLAG("flag", "the profile flag 'prompt'", Place.FLAG, "flags=(prompt)",
            "AppArmor 3 cannot ask: learn the rules in 'complain' mode instead", null),
    DEBUG_FLAG("flag", "the profile flag 'debug'", Place.FLAG, "flags=(debug)",
            "it changes nothing that is allowed, so it can go", "it changes nothing that is allowed"),
    INTERRUPTIBLE_FLAG("flag", "the profile flag 'interruptible'", Place.FLAG, "flags=(interruptible)",
            "only prompting uses it, so it can go", "only prompting uses it"),
    ATTACH_DISCONNECTED_IPC_FLAG("flag", "the profile flag 'attach_disconnected.ipc'", Place.FLAG,
            "flags=(attach_disconnected.ipc)",
            "AppArmor 3 attaches disconnected IPC paths by 'attach_disconnected' alone, so it can go",
            "AppArmor 3 attaches disconnected IPC paths by 'attach_disconnected' alone"),
    ATTACH_DISCONNECTED_PATH_FLAG("flag", "the profile flag 'attach_disconnected.path='",
            Place.FLAG, "flags=(attach_disconnected.path=/armorbench-probe)",
            "AppArmor 3 writes 'attach_disconnected', which attaches them at /",
            "disconnected paths attach at /"),
    KILL_SIGNAL_FLAG("flag", "the profile flag 'kill.signal='", Place.FLAG, "flags=(kill.signal=hup)",
            "AppArmor 3 kills with SIGKILL, so it can go", "AppArmor 3 kills with SIGKILL"),
    ERROR_FLAG("flag", "the profile flag 'error='", Place.FLAG, "flags=(error=EPERM)",
            "AppArmor 3 returns EACCES on a denial, so it can go", "AppArmor 3 returns EACCES on a denial"),
    CONDITION_OPERATORS("condition", "'and', 'or', parentheses, 'true' and 'false' in conditions", Place.FILE,
            "$armorbench_probe = true\nprofile armorbench-probe {\n  if $armorbench_probe and $armorbench_probe {\n"
                    + "    /armorbench-probe r,\n  }\n}\n",
            "AppArmor 3 tests one variable, 'not' and 'defined' only: nest the ifs for 'and', write the block"
                    + " twice for 'or'",
            null),
    IF_UNSET_ASSIGNMENT("assign-if-unset", "the assignment '?='", Place.FILE,
            "@{armorbench_probe} ?= /armorbench-probe\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 has no assignment if unset: write '=' where the variable is not defined yet, '+=' where it is",
            null),
    OVERRIDE_ASSIGNMENT("assign-override", "the assignment ':='", Place.FILE,
            "@{armorbench_probe} = /a\n@{armorbench_probe} := /b\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 cannot define a variable again: change its first definition instead", null),
    PATH_VARIABLES("variable", "the variables @{exec_path} and @{attach_path}", Place.FILE,
            "profile armorbench-probe /armorbench-probe {\n  @{exec_path} r,\n}\n",
            "AppArmor 3 does not define them: write the profile's attachment in their place", null),
    KERNEL_ABI("abi", "'abi <kernel>'", Place.FILE, "abi <kernel>,\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 has no abi of the running kernel: name an abi file", "AppArmor 3's own abi"),
    MOUNT_OPTIONS("mount-option", "the mount options symfollow, nosymfollow, lazytime, nolazytime and nostrictatime",
            Place.RULE, "  mount options=(lazytime) /armorbench-probe -> /armorbench-probe/,\n",
            "AppArmor 3 cannot match them: leave the option out, and the rule matches mounts without it", null),
    IDENTITIES("identities", "profile identities ('+ identities=(…)')", Place.FILE,
            "profile armorbench-probe + identities=(armorbench) {\n}\n",
            "AppArmor 3 has no identities: take them out of the header", null);

    /** Where the probe puts the feature: in a profile's body, in its flags, or the probe is a whole file. */
    private enum Place { RULE, FLAG, FILE }

    private final String codePrefix;
    private final String shown;
    private final Place place;
    private final String probePart;
    private final String advice;
    private final String fixReason;

    /**
     * {@code advice}: what to do under AppArmor 3, for messages; {@code fixReason}: why the quick
     * fix keeps the profile's meaning there, for its title, or null when no edit does.
     */
    AppArmor4Feature(String codePrefix, String shown, Place place, String probePart, String advice, String fixReason) {
        this.codePrefix = codePrefix;
        this.shown = shown;
        this.place = place;
        this.probePart = probePart;
        this.advice = advice;
        this.fixReason = fixReason;
    }

    /** The warning's code: {@code userns-needs-apparmor-4}; every flag shares {@code flag-needs-apparmor-4}. */
    public String code() {
        return codePrefix + "-needs-apparmor-4";
    }

    /** How a message names it: "userns rules", "the profile flag 'debug'". */
    public String shown() {
        return shown;
    }

    /** What to do about it under AppArmor 3, as the end of a sentence. */
    public String advice() {
        return advice;
    }

    /** Why the quick fix keeps the profile's meaning under AppArmor 3, for its title; null when there is no fix. */
    String fixReason() {
        return fixReason;
    }

    boolean isFlag() {
        return place == Place.FLAG;
    }

    /** A profile that uses this and nothing else AppArmor 3 lacks: the parser compiles it or not. */
    String probe() {
        return switch (place) {
            case FLAG -> "profile armorbench-probe " + probePart + " {\n}\n";
            case RULE -> "profile armorbench-probe {\n" + probePart + "}\n";
            case FILE -> probePart;
        };
    }

    /** The flag's name as written ({@code default_allow}, {@code error}); null for what is not a flag. */
    String flagName() {
        if (!isFlag()) {
            return null;
        }
        String flag = probePart.substring("flags=(".length(), probePart.length() - 1);
        int equals = flag.indexOf('=');
        return equals < 0 ? flag : flag.substring(0, equals);
    }

    /** The feature whose warnings carry {@code code} and whose use is {@code used}; null if none. */
    static AppArmor4Feature of(String code, String used) {
        for (AppArmor4Feature feature : values()) {
            if (!feature.code().equals(code)) {
                continue;
            }
            if (!feature.isFlag()) {
                return feature;
            }
            int equals = used.indexOf('=');
            if (feature.flagName().equals(equals < 0 ? used.strip() : used.substring(0, equals).strip())) {
                return feature;
            }
        }
        return null;
    }
}
