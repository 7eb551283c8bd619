package dev.armorbench.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The key names AppArmor records use, under the kernel's own spelling, as shared constants.
 *
 * <p>The parser turns a key in a line into one of these without making a new string, so that
 * {@link RecordFields#get} can compare by identity.
 */
public final class AuditKeys {
    public static final String APPARMOR = "apparmor";
    public static final String TYPE = "type";
    public static final String OPERATION = "operation";
    public static final String CLASS = "class";
    public static final String PROFILE = "profile";
    public static final String LABEL = "label";
    public static final String NAME = "name";
    public static final String NAME2 = "name2";
    public static final String TARGET = "target";
    public static final String COMM = "comm";
    public static final String EXE = "exe";
    public static final String PID = "pid";
    public static final String PARENT = "parent";
    public static final String REQUESTED_MASK = "requested_mask";
    public static final String DENIED_MASK = "denied_mask";
    public static final String REQUESTED = "requested";
    public static final String DENIED = "denied";
    public static final String MASK = "mask";
    public static final String FSUID = "fsuid";
    public static final String OUID = "ouid";
    public static final String FSUID_NAME = "FSUID";
    public static final String OUID_NAME = "OUID";
    public static final String INFO = "info";
    public static final String ERROR = "error";
    public static final String FAMILY = "family";
    public static final String SOCK_TYPE = "sock_type";
    public static final String PROTOCOL = "protocol";
    public static final String LADDR = "laddr";
    public static final String LPORT = "lport";
    public static final String FADDR = "faddr";
    public static final String FPORT = "fport";
    public static final String SADDR = "saddr";
    public static final String SRC = "src";
    public static final String DADDR = "daddr";
    public static final String DEST = "dest";
    public static final String ADDR = "addr";
    public static final String PEER_ADDR = "peer_addr";
    public static final String PEER = "peer";
    public static final String PEER_PID = "peer_pid";
    public static final String PEER_LABEL = "peer_label";
    public static final String PEER_PROFILE = "peer_profile";
    public static final String SIGNAL = "signal";
    public static final String BUS = "bus";
    public static final String PATH = "path";
    public static final String INTERFACE = "interface";
    public static final String MEMBER = "member";
    public static final String METHOD = "method";
    public static final String CAPABILITY = "capability";
    public static final String CAPNAME = "capname";
    public static final String NAMESPACE = "namespace";
    public static final String FSTYPE = "fstype";
    public static final String SRCNAME = "srcname";
    public static final String FLAGS = "flags";
    public static final String TCONTEXT = "tcontext";
    public static final String EXECPATH = "execpath";
    public static final String OFFSET = "offset";
    public static final String ATTRIBUTE = "attribute";
    public static final String TASK = "task";
    public static final String MAGIC_TOKEN = "magic_token";
    public static final String KMOD = "kmod";

    private static final String[] ALL = {
        APPARMOR, TYPE, OPERATION, CLASS, PROFILE, LABEL, NAME, NAME2, TARGET, COMM, EXE, PID, PARENT,
        REQUESTED_MASK, DENIED_MASK, REQUESTED, DENIED, MASK, FSUID, OUID, FSUID_NAME, OUID_NAME, INFO,
        ERROR, FAMILY, SOCK_TYPE, PROTOCOL, LADDR, LPORT, FADDR, FPORT, SADDR, SRC, DADDR, DEST, ADDR,
        PEER_ADDR, PEER, PEER_PID, PEER_LABEL, PEER_PROFILE, SIGNAL, BUS, PATH, INTERFACE, MEMBER,
        METHOD, CAPABILITY, CAPNAME, NAMESPACE, FSTYPE, SRCNAME, FLAGS, TCONTEXT, EXECPATH, OFFSET,
        ATTRIBUTE, TASK, MAGIC_TOKEN, KMOD, "uid", "auid", "ses", "subj", "sauid", "hostname", "terminal"
    };

    /**
     * Keys whose values the kernel writes with {@code audit_log_untrustedstring}: in quotes when
     * harmless, otherwise as bare hex. A bare value under one of these is hex to decode.
     */
    private static final Set<String> UNTRUSTED = Set.of(
            PROFILE, LABEL, NAME, NAME2, TARGET, COMM, EXE, PEER, PEER_LABEL, PEER_PROFILE, NAMESPACE,
            SRCNAME, FSTYPE, TCONTEXT, EXECPATH, ADDR, PEER_ADDR, PATH, INTERFACE, MEMBER, METHOD,
            BUS, ATTRIBUTE, KMOD);

    /**
     * Keys whose values repeat through a log (kinds, operations, masks, profile names, and the
     * paths a program keeps touching): the parser shares one string per distinct value, which
     * saves a copy per record, memory when events are kept, and hashing later (the suggester
     * groups events by these values, and a shared string hashes once and compares by identity).
     */
    private static final Set<String> VOCABULARY = Set.of(
            APPARMOR, OPERATION, CLASS, PROFILE, LABEL, COMM, EXE, REQUESTED_MASK, DENIED_MASK, REQUESTED,
            DENIED, MASK, FAMILY, SOCK_TYPE, SIGNAL, BUS, INTERFACE, MEMBER, METHOD, PEER, PEER_LABEL,
            PEER_PROFILE, INFO, FSUID, OUID, FSUID_NAME, OUID_NAME, CAPNAME, FLAGS, FSTYPE, NAMESPACE, ERROR,
            NAME, NAME2, TARGET, PATH, ADDR, PEER_ADDR,
            "sauid", "hostname", "terminal", "uid", "auid", "ses", "subj");

    /** Open addressing by the key's String hash: the scanner computes the same hash as it reads. */
    private static final int TABLE_SIZE = 1024;
    private static final String[] TABLE = new String[TABLE_SIZE];
    private static final int[] HASHES = new int[TABLE_SIZE];
    private static final byte[] TRAITS = new byte[TABLE_SIZE];
    /** A dense number per key, its place in {@link #ALL}: records index their values by it. */
    private static final byte[] IDS = new byte[TABLE_SIZE];
    static final int KEY_COUNT = ALL.length;
    /**
     * The same keys for bytes read from a line, by a perfect hash of a key's first two 8-byte words
     * and its length: one multiply, one group of four longs (first word, second word, length, slot
     * of {@link #TABLE}) that fits in half a cache line, no probing. The multiplier is searched for
     * once, from a fixed seed, until no two keys share a group. Every key is at most 16 bytes.
     */
    private static final int GROUP_BITS = 9;
    private static final long[] GROUPS = new long[4 << GROUP_BITS];
    private static final long MULTIPLIER;
    static final int UNTRUSTED_TRAIT = 1;
    static final int VOCABULARY_TRAIT = 2;

    static {
        for (int id = 0; id < ALL.length; id++) {
            String key = ALL[id];
            int hash = key.hashCode();
            int slot = hash & (TABLE_SIZE - 1);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (TABLE_SIZE - 1);
            }
            TABLE[slot] = key;
            HASHES[slot] = hash;
            IDS[slot] = (byte) id;
            TRAITS[slot] = (byte) ((UNTRUSTED.contains(key) ? UNTRUSTED_TRAIT : 0)
                    | (VOCABULARY.contains(key) ? VOCABULARY_TRAIT : 0));
        }
        MULTIPLIER = perfectMultiplier();
        for (int slot = 0; slot < TABLE_SIZE; slot++) {
            if (TABLE[slot] != null) {
                byte[] bytes = TABLE[slot].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                long first = ByteRuns.word(bytes, 0, Math.min(8, bytes.length));
                long second = ByteRuns.word(bytes, 8, bytes.length - 8);
                int at = group(first, second, bytes.length, MULTIPLIER) << 2;
                GROUPS[at] = first;
                GROUPS[at + 1] = second;
                GROUPS[at + 2] = bytes.length;
                GROUPS[at + 3] = slot;
            }
        }
    }

    private static int group(long first, long second, int length, long multiplier) {
        return (int) (((first ^ Long.rotateLeft(second, 29) ^ length) * multiplier) >>> (64 - GROUP_BITS));
    }

    /** The first odd multiplier, from a fixed seed, under which no two keys share a group. */
    private static long perfectMultiplier() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EEDL);
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            long multiplier = random.nextLong() | 1;
            boolean[] taken = new boolean[1 << GROUP_BITS];
            boolean clash = false;
            for (String key : ALL) {
                byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                if (bytes.length > 16) {
                    throw new IllegalStateException("audit key longer than 16 bytes: " + key);
                }
                int at = group(ByteRuns.word(bytes, 0, Math.min(8, bytes.length)), ByteRuns.word(bytes, 8, bytes.length - 8),
                        bytes.length, multiplier);
                if (taken[at]) {
                    clash = true;
                    break;
                }
                taken[at] = true;
            }
            if (!clash) {
                return multiplier;
            }
        }
        throw new IllegalStateException("no perfect hash for the audit keys");
    }

    private AuditKeys() {}

    /** The table slot of {@code line[start, end)} whose String hash is {@code hash}, or -1. */
    static int slot(String line, int start, int end, int hash) {
        int slot = hash & (TABLE_SIZE - 1);
        int length = end - start;
        String key;
        while ((key = TABLE[slot]) != null) {
            if (HASHES[slot] == hash && key.length() == length && sameChars(line, start, key)) {
                return slot;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    /** The table slot of the ASCII bytes {@code line[start, end)}, or -1. */
    static int slot(byte[] line, int start, int end) {
        int length = end - start;
        if (length > 16 || length <= 0) {
            return -1; // no key is that long
        }
        return slot(ByteRuns.word(line, start, Math.min(8, length)), ByteRuns.word(line, start + 8, length - 8), length);
    }

    /**
     * The table slot of the key {@code length} bytes long (1 to 16) whose bytes are the
     * little-endian words {@code first} and {@code second}, zero past its end; or -1.
     */
    static int slot(long first, long second, int length) {
        int at = group(first, second, length, MULTIPLIER) << 2;
        // An empty group holds zeros: the length test keeps an empty key from matching one.
        return length > 0 && GROUPS[at] == first && GROUPS[at + 1] == second && GROUPS[at + 2] == length
                ? (int) GROUPS[at + 3] : -1;
    }

    private static boolean sameChars(String line, int start, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (line.charAt(start + i) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The dense number of a key that is one of the constants (the object itself, not an equal string), or -1. */
    static int idOf(String constant) {
        int slot = constant.hashCode() & (TABLE_SIZE - 1);
        String key;
        while ((key = TABLE[slot]) != null) {
            if (key == constant) {
                return IDS[slot];
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    static String keyAt(int slot) {
        return TABLE[slot];
    }

    static int traitsAt(int slot) {
        return TRAITS[slot];
    }

    /** The shared constant equal to {@code key}, or {@code key} itself. */
    public static String canonical(String key) {
        int slot = slot(key, 0, key.length(), key.hashCode());
        return slot >= 0 ? TABLE[slot] : key;
    }
}
