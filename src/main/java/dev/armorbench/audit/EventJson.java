package dev.armorbench.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Writes events as JSON lines: {@code event}, {@code epoch} (seconds with fraction),
 * {@code serial}, {@code source}, {@code line}, then every key of the record under the kernel's
 * own name with its decoded value, bare integers as JSON numbers.
 */
public final class EventJson implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator out;

    public EventJson(OutputStream stream) throws IOException {
        this(JSON.createGenerator(stream, JsonEncoding.UTF8));
    }

    public EventJson(Writer writer) throws IOException {
        this(JSON.createGenerator(writer));
    }

    private EventJson(JsonGenerator generator) {
        out = generator;
        out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        out.configure(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, true);
        out.setRootValueSeparator(null); // one object per line, the newline written by write()
    }

    public void write(AuditEvent event) throws IOException {
        AuditRecord record = event.record();
        out.writeStartObject();
        out.writeStringField("event", record.kind().name());
        if (record.hasTime()) {
            out.writeFieldName("epoch");
            out.writeNumber(record.epoch());
        } else {
            out.writeNullField("epoch");
        }
        if (record.serial() >= 0) {
            out.writeNumberField("serial", record.serial());
        } else {
            out.writeNullField("serial");
        }
        out.writeStringField("source", record.source());
        out.writeNumberField("line", record.line());
        RecordFields fields = record.fields();
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.key(i);
            if (key == AuditKeys.APPARMOR || isOverridden(fields, i)) {
                continue;
            }
            if (fields.isNumber(i)) {
                out.writeNumberField(key, Long.parseLong(fields.value(i)));
            } else {
                out.writeStringField(key, fields.value(i));
            }
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** A key written twice keeps its last value, as libapparmor does, and JSON keys stay unique. */
    private static boolean isOverridden(RecordFields fields, int index) {
        String key = fields.key(index);
        for (int j = index + 1; j < fields.size(); j++) {
            if (fields.key(j).equals(key)) {
                return true;
            }
        }
        return false;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
