package io.tributary.s3.partition;

import org.apache.kafka.connect.sink.SinkRecord;

/** A {@code {...}} reference in a path template: {@code value.a.b}, {@code key}, {@code key.a}, {@code topic}. */
record FieldReference(String text, Source source, FieldPath path) {

    enum Source { KEY, VALUE, TOPIC, PARTITION }

    static FieldReference parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        String head = dot < 0 ? trimmed : trimmed.substring(0, dot);
        FieldPath path = dot < 0 ? null : FieldPath.parse(trimmed.substring(dot + 1));
        switch (head) {
            case "key":
                return new FieldReference(trimmed, Source.KEY, path);
            case "value":
                if (path == null) {
                    break;
                }
                return new FieldReference(trimmed, Source.VALUE, path);
            case "topic":
            case "partition":
                if (path != null) {
                    break;
                }
                return new FieldReference(trimmed, "topic".equals(head) ? Source.TOPIC : Source.PARTITION, null);
            default:
                break;
        }
        throw new IllegalArgumentException("'{" + text + "}' is not a field reference: use {value.<field>}, {key}, "
                + "{key.<field>}, {topic} or {partition}");
    }

    Object resolve(SinkRecord record) {
        switch (source) {
            case TOPIC:
                return record.topic();
            case PARTITION:
                return record.kafkaPartition();
            case KEY:
                return path == null ? record.key() : path.resolve(record.key());
            default:
                return path.resolve(record.value());
        }
    }

    @Override
    public String toString() {
        return "{" + text + "}";
    }
}
