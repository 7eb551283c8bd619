package dev.armorbench.audit;

/**
 * Names for the numeric {@code protocol=} values, as libapparmor names them (the IPPROTO names
 * of {@code netinet/in.h}, lower case: 0 → ip, 6 → tcp, 17 → udp).
 */
final class NetworkProtocols {
    private static final String[] NAMES = new String[263];

    static {
        NAMES[0] = "ip";
        NAMES[1] = "icmp";
        NAMES[2] = "igmp";
        NAMES[4] = "ipip";
        NAMES[6] = "tcp";
        NAMES[8] = "egp";
        NAMES[12] = "pup";
        NAMES[17] = "udp";
        NAMES[22] = "idp";
        NAMES[29] = "tp";
        NAMES[33] = "dccp";
        NAMES[41] = "ipv6";
        NAMES[43] = "routing";
        NAMES[44] = "fragment";
        NAMES[46] = "rsvp";
        NAMES[47] = "gre";
        NAMES[50] = "esp";
        NAMES[51] = "ah";
        NAMES[58] = "icmpv6";
        NAMES[59] = "none";
        NAMES[60] = "dstopts";
        NAMES[92] = "mtp";
        NAMES[94] = "beetph";
        NAMES[98] = "encap";
        NAMES[103] = "pim";
        NAMES[108] = "comp";
        NAMES[132] = "sctp";
        NAMES[135] = "mh";
        NAMES[136] = "udplite";
        NAMES[137] = "mpls";
        NAMES[143] = "ethernet";
        NAMES[255] = "raw";
        NAMES[262] = "mptcp";
    }

    private NetworkProtocols() {}

    /**
     * The name for a decimal protocol number; {@code unknown(N)} for a number without one, as
     * libapparmor writes it; anything that is not a number unchanged.
     */
    static String name(String value) {
        long number = RecordFields.parseLong(value, -1);
        if (number < 0) {
            return value;
        }
        if (number < NAMES.length && NAMES[(int) number] != null) {
            return NAMES[(int) number];
        }
        return "unknown(" + number + ")";
    }
}
