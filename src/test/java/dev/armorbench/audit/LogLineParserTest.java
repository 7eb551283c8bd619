package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLineParserTest {
    private static final String BODY = "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"testcat\""
            + " name=\"/etc/hostname\" pid=146 comm=\"testcat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

    private final LogLineParser parser = new LogLineParser();

    private AuditRecord parse(String line) {
        return parser.parse(line, "test.log", 7);
    }

    private void assertTestcat(String line) {
        AuditRecord record = parse(line);
        assertThat(record).as("%s (skipped: %s)", line, parser.lastSkipReason()).isNotNull();
        assertThat(record.kind()).isEqualTo(EventKind.DENIED);
        assertThat(record.profile()).isEqualTo("testcat");
        assertThat(record.get("name")).isEqualTo("/etc/hostname");
        assertThat(record.pid()).isEqualTo(146);
        assertThat(record.source()).isEqualTo("test.log");
        assertThat(record.line()).isEqualTo(7);
    }

    @Test
    void readsEveryKernelEnvelope() {
        String kernel = "audit: type=1400 audit(1795919128.876:3): " + BODY;
        assertTestcat(kernel);
        assertTestcat("[   69.827705] " + kernel);
        assertTestcat("Oct 22 15:57:38 host kernel: [   69.827705] " + kernel);
        assertTestcat("Oct 22 15:57:38 host kernel: " + kernel);
        assertTestcat("Oct 22 15:57:38 host kernel: [   69.827705] type=1400 audit(1795919128.876:3): " + BODY);
        assertTestcat("2026-05-26T19:47:43.396634-04:00 host kernel: " + kernel);
        assertTestcat("2013-01-01 15:09:04 localhost kernel: [ 1911.569682] " + kernel);
        assertTestcat("2021-09-11T20:57:41.91645 kern.notice: [  469.180605] " + kernel);
        assertTestcat("6,1234,69827705,-;" + kernel);
        assertTestcat("type=AVC msg=audit(1795919128.876:3): " + BODY);
        assertTestcat("node=web1 type=AVC msg=audit(1795919128.876:3): " + BODY);
        assertTestcat(BODY);
    }

    @Test
    void readsTheAuditStamp() {
        AuditRecord record = parse("[ 69.8] audit: type=1400 audit(1795919128.876:3): " + BODY);
        assertThat(record.epochMicros()).isEqualTo(1795919128876000L);
        assertThat(record.epoch()).hasToString("1795919128.876");
        assertThat(record.serial()).isEqualTo(3);
    }

    @Test
    void readsAuditdEnrichedNames() {
        AuditRecord record = parse("type=AVC msg=audit(1.5:9): " + BODY + "\u001dFSUID=\"root\" OUID=\"user\"");
        assertThat(record.get("ouid")).isEqualTo("0");
        assertThat(record.get("FSUID")).isEqualTo("root");
        assertThat(record.get("OUID")).isEqualTo("user");
    }

    @Test
    void readsLegacyRecordTypes() {
        String old = " operation=\"inode_permission\" requested_mask=\"r::\" denied_mask=\"r::\" fsuid=0 name=\"/bin/dash\" pid=1144 profile=\"/bin/dash\"";
        assertThat(parse("type=APPARMOR_DENIED msg=audit(1225263601.980:37699): " + old).kind()).isEqualTo(EventKind.DENIED);
        assertThat(parse("type=APPARMOR_ALLOWED msg=audit(1225263601.980:37699): " + old).kind()).isEqualTo(EventKind.ALLOWED);
        assertThat(parse("type=1502 msg=audit(1225263601.980:37699): " + old).kind()).isEqualTo(EventKind.ALLOWED);
        assertThat(parse("type=UNKNOWN[1504] msg=audit(1225263601.980:37699): " + old).kind()).isEqualTo(EventKind.HINT);
        assertThat(parse("Oct 29 08:00:01 h kernel: [82789.55] type=1501 audit(1225263601.980:37699): " + old).kind())
                .isEqualTo(EventKind.AUDIT);
        assertThat(parse("Sep  7 17:47:53 h kernel: audit(1189201672.746:537): type=1505" + old).kind())
                .isEqualTo(EventKind.STATUS);
        assertThat(parse("type=APPARMOR msg=audit(1157215966.604:46): REJECTING r access to /bin/df (sh(7902) profile /usr/sbin/httpd2-prefork active SYSINFO)"))
                .isNull();
        assertThat(parser.lastSkipReason()).isEqualTo(SkipReason.OLD_FORMAT);
    }

    @Test
    void namesEveryLegacyTypeAndNothingCloseToOne() {
        String old = " operation=\"inode_permission\" requested_mask=\"r::\" denied_mask=\"r::\" name=\"/bin/dash\" pid=1144 profile=\"/bin/dash\"";
        String[] names = {"APPARMOR_AUDIT", "APPARMOR_ALLOWED", "APPARMOR_DENIED", "APPARMOR_HINT", "APPARMOR_STATUS", "APPARMOR_ERROR"};
        EventKind[] kinds = {EventKind.AUDIT, EventKind.ALLOWED, EventKind.DENIED, EventKind.HINT, EventKind.STATUS, EventKind.ERROR};
        for (int i = 0; i < names.length; i++) {
            assertThat(parse("type=" + names[i] + " msg=audit(1225263601.980:37699):" + old).kind()).as(names[i]).isEqualTo(kinds[i]);
        }
        // Names that only start like one are some other record type, which is no AppArmor record.
        for (String other : new String[] {"APPARMOR_DENIEDX", "APPARMOR_DENIE", "APPARMORX", "APPARMOR_", "USER_AVCX", "USER_AV"}) {
            assertThat(parser.parse("type=" + other + " msg=audit(1225263601.980:37699):" + old, "test", 1)).as(other).isNull();
            assertThat(parser.lastSkipReason()).as(other).isEqualTo(SkipReason.NOT_APPARMOR);
        }
    }

    @Test
    void readsStampsWithAnyFraction() {
        assertThat(parse("type=AVC msg=audit(1225263601.980:37699): " + BODY).epochMicros()).isEqualTo(1_225_263_601_980_000L);
        assertThat(parse("type=AVC msg=audit(1225263601.98:37699): " + BODY).epochMicros()).isEqualTo(1_225_263_601_980_000L);
        assertThat(parse("type=AVC msg=audit(1225263601.123456:37699): " + BODY).epochMicros()).isEqualTo(1_225_263_601_123_456L);
        assertThat(parse("type=AVC msg=audit(1225263601:37699): " + BODY).epochMicros()).isEqualTo(1_225_263_601_000_000L);
        assertThat(parse("type=AVC msg=audit(1225263601.980:37699): " + BODY).serial()).isEqualTo(37699);
    }

    @Test
    void readsKernelStampsWithSerialsOfEveryLength() {
        // The kernel's own form, EEEEEEEEEE.MMM:SERIAL, has a word-at-a-time reading for serials of up
        // to eight digits; longer ones, and anything else, take the general one. Both must agree.
        long serial = 0;
        for (int digits = 1; digits <= 12; digits++) {
            serial = serial * 10 + digits % 10;
            AuditRecord record = parse("type=AVC msg=audit(1795919128.076:" + serial + "): " + BODY);
            assertThat(record.serial()).as("%d digits", digits).isEqualTo(serial);
            assertThat(record.epochMicros()).as("%d digits", digits).isEqualTo(1_795_919_128_076_000L);
        }
        assertThat(parse("type=AVC msg=audit(0000000001.001:00000001): " + BODY).epochMicros()).isEqualTo(1_001_000L);
        assertThat(parse("type=AVC msg=audit(9999999999.999:99999999): " + BODY).serial()).isEqualTo(99_999_999L);
        for (String broken : new String[] {"17959191x8.876:3", "1795919128.8x6:3", "1795919128.876:3x", "1795919128.876:x",
                "1795919128.876:12x45678", "1795919128.876:", "1795919128,876:3", "1795919128.876;3"}) {
            assertThat(parser.parse("type=AVC msg=audit(" + broken + "): " + BODY, "test", 1)).as(broken).isNull();
            assertThat(parser.lastSkipReason()).as(broken).isEqualTo(SkipReason.BAD_AUDIT_ID);
        }
    }

    @Test
    void readsRecordsThatStartTheLineWhateverFollows() {
        // A bare record needs no search for a stamp, even when a value holds text like one.
        AuditRecord record = parse(BODY.replace("comm=\"testcat\"", "comm=\"audit(1:2)\""));
        assertThat(record.get("comm")).isEqualTo("audit(1:2)");
        assertThat(record.serial()).isEqualTo(-1);
        assertThat(parse("  " + BODY).get("apparmor")).isEqualTo("DENIED");
    }

    @Test
    void keepsKeysTheTableDoesNotKnowAndTheLayoutsAroundThem() {
        // Records share one key array per layout; a key the key table does not know makes its
        // record's layout its own, and must neither take nor spoil the shared one of its neighbours.
        String known = "type=AVC msg=audit(1795919128.876:3): " + BODY;
        String odd = "type=AVC msg=audit(1795919128.876:4): " + BODY + " newkey=\"x\" other=7";
        for (int round = 0; round < 3; round++) {
            AuditRecord first = parse(known);
            AuditRecord second = parse(odd);
            AuditRecord third = parse(known);
            AuditRecord fourth = parse(odd.replace("newkey", "fresh").replace(" other=", " more="));
            assertThat(first.fields().asMap().keySet()).containsExactly("apparmor", "operation", "class", "profile", "name",
                    "pid", "comm", "requested_mask", "denied_mask", "fsuid", "ouid");
            assertThat(second.get("newkey")).isEqualTo("x");
            assertThat(second.get("other")).isEqualTo("7");
            assertThat(second.fields().form(second.fields().size() - 1)).isEqualTo(RecordFields.Form.BARE);
            assertThat(second.fields().form(second.fields().size() - 2)).isEqualTo(RecordFields.Form.QUOTED);
            assertThat(third.fields().asMap()).isEqualTo(first.fields().asMap());
            assertThat(third.get("newkey")).isNull();
            // The same forms in the same places, other unknown keys: not the layout of the second.
            assertThat(fourth.get("fresh")).isEqualTo("x");
            assertThat(fourth.get("more")).isEqualTo("7");
            assertThat(fourth.get("newkey")).isNull();
        }
    }

    @Test
    void readsDbusRecords() {
        String inner = "apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"system\" path=\"/org/freedesktop/DBus\""
                + " interface=\"org.freedesktop.DBus\" member=\"Hello\" mask=\"send\" name=\"org.freedesktop.DBus\""
                + " pid=2833 label=\"svc\" peer_pid=1 peer_label=\"unconfined\"";
        for (String line : new String[] {
            "type=USER_AVC msg=audit(1375323372.644:157): pid=363 uid=102 auid=4294967295 ses=4294967295  msg='" + inner
                    + "  exe=\"/bin/dbus-daemon\" sauid=102 hostname=? addr=? terminal=?'",
            "Jun 20 17:57:06 ns1 kernel: [4835959.046111] audit: type=1107 audit(1561053426.749:186): pid=640 uid=103 msg='" + inner + "'",
            "Jul 31 17:11:16 host dbus[1692]: " + inner,
            "2026-02-11T17:49:21.719707+01:00 host dbus-daemon[3217]: " + inner,
        }) {
            AuditEvent event = parser.parseEvent(line, "d", 1);
            assertThat(event).as(line).isInstanceOf(AuditEvent.Dbus.class);
            AuditEvent.Dbus dbus = (AuditEvent.Dbus) event;
            assertThat(dbus.profile()).isEqualTo("svc");
            assertThat(dbus.record().pid()).isEqualTo(2833);
            assertThat(dbus.member()).isEqualTo("Hello");
            assertThat(dbus.peerLabel()).isEqualTo("unconfined");
            assertThat(dbus.peerPid()).isEqualTo(1);
        }
    }

    @Test
    void readsJournalJsonWithTextOrByteMessages() {
        String message = "audit: type=1400 audit(1795919128.876:3): " + BODY;
        String quoted = message.replace("\"", "\\\"");
        assertTestcat("{\"__REALTIME_TIMESTAMP\":\"1795919128877001\",\"_TRANSPORT\":\"kernel\",\"MESSAGE\":\"" + quoted + "\"}");
        StringBuilder bytes = new StringBuilder();
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            bytes.append(bytes.length() == 0 ? "" : ",").append(b & 0xff);
        }
        assertTestcat("{\"MESSAGE\":[" + bytes + "],\"_TRANSPORT\":\"kernel\"}");
        // journald's audit transport: no stamp in the message; time and serial come from the entry.
        AuditRecord audit = parse("{\"_AUDIT_TYPE\":\"1400\",\"_AUDIT_ID\":\"42\",\"_SOURCE_REALTIME_TIMESTAMP\":\"1700000000123456\","
                + "\"MESSAGE\":\"AVC " + BODY.replace("\"", "\\\"") + "\"}");
        assertThat(audit.serial()).isEqualTo(42);
        assertThat(audit.epoch()).hasToString("1700000000.123456");
        assertThat(parse("{\"MESSAGE\":\"Started Session 4 of user root.\",\"_TRANSPORT\":\"journal\"}")).isNull();
        assertThat(parser.lastSkipReason()).isEqualTo(SkipReason.NOT_APPARMOR);
    }

    @Test
    void decodesHexAndNamesProtocols() {
        AuditRecord record = parse("type=AVC msg=audit(1322676143.201:455): apparmor=\"ALLOWED\" operation=\"open\""
                + " profile=2F686F6D652F6D792070726F672E7368 name=2F746D702F6FCC88 pid=22918 comm=6D792070726F67 family=\"inet\" protocol=6");
        assertThat(record.profile()).isEqualTo("/home/my prog.sh");
        assertThat(record.get("name")).isEqualTo("/tmp/o\u0308");
        assertThat(record.comm()).isEqualTo("my prog");
        assertThat(record.get("protocol")).isEqualTo("tcp");
        assertThat(parse("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=2F746")).isNull();
        assertThat(parser.lastSkipReason()).isEqualTo(SkipReason.BAD_HEX);
        assertThat(parse("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"ptrace\" profile=\"p\" target=8022C0FF81A0FFFF")).isNull();
        assertThat(parser.lastSkipReason()).isEqualTo(SkipReason.BAD_HEX);
    }

    @Test
    void skipsAndNamesWhatIsNotARecord() {
        assertSkipped("Oct 29 09:20:01 host kernel: [87589.487390] __ratelimit: 36 callbacks suppressed", SkipReason.NOT_APPARMOR);
        assertSkipped("[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=/dev/vda apparmor=1 security=apparmor", SkipReason.NOT_APPARMOR);
        assertSkipped("type=SYSCALL msg=audit(1691930856.284:29963): arch=c000003e syscall=257 success=no exit=-13 comm=\"cat\"", SkipReason.NOT_APPARMOR);
        assertSkipped("", SkipReason.NOT_APPARMOR);
        assertSkipped("type=AVC msg=audit(12799====8288.415:39): " + BODY, SkipReason.BAD_AUDIT_ID);
        assertSkipped("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"testc", SkipReason.TRUNCATED);
        assertSkipped("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\"", SkipReason.TRUNCATED);
        assertSkipped("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"op\u0000\u0001en\" profile=\"p\"", SkipReason.BINARY);
        assertSkipped("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" name=\"\uFFFD\uFFFD\" profile=\"p\"", SkipReason.BINARY);
        assertSkipped("type=AVC msg=audit(1.2:3): apparmor=\"SOMETHING\" operation=\"open\"", SkipReason.UNKNOWN_KIND);
        assertSkipped("apparmor=\"DENIED\" name=\"" + "x".repeat(1 << 20) + "\"", SkipReason.TOO_LONG);
        assertSkipped("{\"MESSAGE\":\"apparmor=\\\"DENIED\\\" operation=\\\"op", SkipReason.TRUNCATED);
    }

    private void assertSkipped(String line, SkipReason reason) {
        assertThat(parse(line)).as(line.length() > 200 ? line.substring(0, 200) : line).isNull();
        assertThat(parser.lastSkipReason()).as(line.length() > 200 ? line.substring(0, 200) : line).isEqualTo(reason);
    }

    @Test
    void typesEveryClass() {
        assertThat(event("operation=\"open\" class=\"file\" name=\"/etc/x\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000"))
                .isInstanceOfSatisfying(AuditEvent.FileAccess.class, e -> {
                    assertThat(e.name()).isEqualTo("/etc/x");
                    assertThat(e.denied()).isEqualTo("r");
                    assertThat(e.ownedByActor()).isTrue();
                });
        assertThat(event("operation=\"capable\" class=\"cap\" capability=12  capname=\"net_admin\""))
                .isInstanceOfSatisfying(AuditEvent.Capability.class, e -> {
                    assertThat(e.capname()).isEqualTo("net_admin");
                    assertThat(e.capability()).isEqualTo(12);
                });
        assertThat(event("operation=\"sendmsg\" class=\"net\" laddr=192.168.66.150 lport=765 faddr=192.168.66.200 fport=2049 family=\"inet\" sock_type=\"stream\" protocol=6"))
                .isInstanceOfSatisfying(AuditEvent.Network.class, e -> {
                    assertThat(e.protocol()).isEqualTo("tcp");
                    assertThat(e.localPort()).isEqualTo(765);
                    assertThat(e.foreignAddress()).isEqualTo("192.168.66.200");
                });
        assertThat(event("operation=\"connect\" class=\"net\" family=\"unix\" sock_type=\"stream\" protocol=0 requested=\"connect\" denied=\"connect\" addr=none peer_addr=\"@sock\" peer=\"srv\""))
                .isInstanceOfSatisfying(AuditEvent.Unix.class, e -> {
                    assertThat(e.peerAddress()).isEqualTo("@sock");
                    assertThat(e.denied()).isEqualTo("connect");
                });
        assertThat(event("operation=\"signal\" class=\"signal\" requested_mask=\"receive\" denied_mask=\"receive\" signal=term peer=\"x\""))
                .isInstanceOfSatisfying(AuditEvent.Signal.class, e -> assertThat(e.signal()).isEqualTo("term"));
        assertThat(event("operation=\"ptrace\" class=\"ptrace\" requested_mask=\"readby\" denied_mask=\"readby\" peer=\"journald\""))
                .isInstanceOfSatisfying(AuditEvent.Ptrace.class, e -> assertThat(e.peer()).isEqualTo("journald"));
        assertThat(event("operation=\"mount\" info=\"failed flags match\" error=-13 name=\"/newroot/dev/\" flags=\"rw, nosuid\""))
                .isInstanceOfSatisfying(AuditEvent.Mount.class, e -> assertThat(e.flags()).isEqualTo("rw, nosuid"));
        assertThat(event("operation=\"open\" class=\"posix_mqueue\" name=\"/q\" requested=\"read create\" denied=\"read\""))
                .isInstanceOfSatisfying(AuditEvent.Mqueue.class, e -> assertThat(e.requested()).isEqualTo("read create"));
        assertThat(event("operation=\"uring_sqpoll\" class=\"io_uring\" requested=\"sqpoll\" denied=\"sqpoll\""))
                .isInstanceOf(AuditEvent.IoUring.class);
        assertThat(event("operation=\"userns_create\" class=\"namespace\" requested=\"userns_create\" denied=\"userns_create\""))
                .isInstanceOf(AuditEvent.Userns.class);
        assertThat(event("operation=\"exec\" class=\"file\" name=\"/bin/busybox\" requested_mask=\"x\" denied_mask=\"x\" target=\"P//null-/bin/busybox\""))
                .isInstanceOfSatisfying(AuditEvent.Transition.class, e -> assertThat(e.target()).isEqualTo("P//null-/bin/busybox"));
        assertThat(event("operation=\"change_hat\" info=\"unconfined can not change_hat\" error=-1"))
                .isInstanceOf(AuditEvent.Transition.class);
        assertThat(event("operation=\"module\" kmod=\"module_test\" requested_mask=\"request\" denied_mask=\"request\""))
                .isInstanceOfSatisfying(AuditEvent.Module.class, e -> assertThat(e.module()).isEqualTo("module_test"));
        assertThat(event("operation=\"module\" name=\"/m/test.ko\" requested_mask=\"load_file\" denied_mask=\"load_file\""))
                .isInstanceOfSatisfying(AuditEvent.Module.class, e -> assertThat(e.file()).isEqualTo("/m/test.ko"));
        assertThat(event("operation=\"setrlimit\" class=\"rlimit\" rlimit=nofile value=1024"))
                .isInstanceOf(AuditEvent.Other.class);
        assertThat(parser.parseEvent("audit: type=1400 audit(1.2:3): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"docker-default\" pid=1 comm=\"apparmor_parser\"", "s", 1))
                .isInstanceOfSatisfying(AuditEvent.Status.class, e -> assertThat(e.name()).isEqualTo("docker-default"));
    }

    private AuditEvent event(String keys) {
        AuditEvent event = parser.parseEvent("type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" profile=\"p\" pid=5 comm=\"c\" " + keys, "s", 1);
        assertThat(event).as("%s skipped: %s", keys, parser.lastSkipReason()).isNotNull();
        return event;
    }
}
