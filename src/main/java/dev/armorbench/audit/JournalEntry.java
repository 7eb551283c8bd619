package dev.armorbench.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One line of {@code journalctl -o json}: the fields that matter for AppArmor. journald writes
 * {@code MESSAGE} as a JSON string, or as an array of byte values when the text is not clean
 * UTF-8 or holds control characters; both are read. Reused from line to line.
 */
final class JournalEntry {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private String message;
    private long epochMicros;
    private long auditSerial;
    private int auditType;
    private boolean damaged;

    /** Reads a line; false when it is not a journal entry with a message (see {@link #damaged()}). */
    boolean read(String line) {
        message = null;
        epochMicros = AuditRecord.NO_TIME;
        long sourceMicros = AuditRecord.NO_TIME;
        auditSerial = -1;
        auditType = 0;
        damaged = false;
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "MESSAGE":
                        if (value == JsonToken.VALUE_STRING) {
                            message = parser.getText();
                        } else if (value == JsonToken.START_ARRAY) {
                            message = bytesToText(parser);
                            if (message == null) {
                                damaged = true;
                                return false;
                            }
                        } else {
                            parser.skipChildren();
                        }
                        break;
                    case "__REALTIME_TIMESTAMP":
                        epochMicros = number(parser, value);
                        break;
                    case "_SOURCE_REALTIME_TIMESTAMP":
                        sourceMicros = number(parser, value);
                        break;
                    case "_AUDIT_ID":
                        auditSerial = number(parser, value);
                        break;
                    case "_AUDIT_TYPE":
                        long type = number(parser, value);
                        auditType = type == 1400 || type == 1107 || (type >= 1500 && type <= 1506) ? (int) type : 0;
                        break;
                    default:
                        parser.skipChildren();
                        break;
                }
            }
            if (token != JsonToken.END_OBJECT) {
                damaged = true;
                return false;
            }
        } catch (IOException | RuntimeException e) {
            // A cut or garbled JSON line: reported as a damaged line, never thrown.
            damaged = true;
            return false;
        }
        if (sourceMicros != AuditRecord.NO_TIME) {
            epochMicros = sourceMicros;
        }
        return message != null;
    }

    private static long number(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            long n = RecordFields.parseLong(parser.getText(), AuditRecord.NO_TIME);
            return n < 0 ? AuditRecord.NO_TIME : n;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        parser.skipChildren();
        return AuditRecord.NO_TIME;
    }

    private static String bytesToText(JsonParser parser) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
            int b = parser.getIntValue();
            if (b < 0 || b > 255) {
                return null;
            }
            bytes.write(b);
        }
        if (token != JsonToken.END_ARRAY) {
            return null;
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length;
        while (length > 0 && (raw[length - 1] == '\n' || raw[length - 1] == 0)) {
            length--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    String message() {
        return message;
    }

    long epochMicros() {
        return epochMicros;
    }

    long auditSerial() {
        return auditSerial;
    }

    int auditType() {
        return auditType;
    }

    boolean damaged() {
        return damaged;
    }
}
