package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;

/**
 * D-Bus events as aa-logprof writes them: {@code bind} with the bus and the name, {@code eavesdrop}
 * with the bus only, messages with bus, path, interface, member and the peer's label.
 */
final class DbusRules {
    private DbusRules() {
    }

    static RuleRequest request(AuditEvent.Dbus event) {
        String mask = RuleText.word(event.mask());
        if (mask == null) {
            return null;
        }
        String bus = value("bus", event.bus());
        switch (mask) {
            case "bind":
                return FixedRequest.of(RuleKind.DBUS, event.name(), "dbus bind" + bus + value("name", event.name()) + ",",
                        "dbus bind" + bus + ",");
            case "eavesdrop":
                return FixedRequest.of(RuleKind.DBUS, event.bus(), "dbus eavesdrop" + bus + ",");
            default: {
                String head = "dbus " + mask + bus;
                String message = value("path", event.path()) + value("interface", event.iface())
                        + value("member", event.member());
                String peer = event.peerLabel() == null || event.peerLabel().isEmpty() ? ""
                        : " peer=(label=" + RuleText.literal(event.peerLabel()) + ")";
                return FixedRequest.of(RuleKind.DBUS, event.path(), head + message + peer + ",", head + message + ",",
                        head + value("path", event.path()) + ",", head + ",");
            }
        }
    }

    private static String value(String key, String value) {
        return value == null || value.isEmpty() ? "" : " " + key + "=" + RuleText.literal(value);
    }
}
