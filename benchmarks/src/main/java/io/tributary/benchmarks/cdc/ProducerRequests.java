package io.tributary.benchmarks.cdc;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How many records each produce request of a connector's tasks carried, from the producers' own metrics (the worker
 * runs in this JVM): with Connect's default producer, one request in flight with one 16 KiB batch per partition,
 * this is what bounds a source connector's throughput.
 */
final class ProducerRequests {

    private ProducerRequests() {
    }

    /** Records sent per request by every task producer of {@code connector} so far; NaN when none is registered. */
    static double recordsPerRequest(String connector) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> producers = server.queryNames(new ObjectName(
                    "kafka.producer:type=producer-metrics,client-id=connector-producer-" + connector + "-*"), null);
            double records = 0;
            double requests = 0;
            for (ObjectName producer : producers) {
                records += ((Number) server.getAttribute(producer, "record-send-total")).doubleValue();
                requests += ((Number) server.getAttribute(producer, "request-total")).doubleValue();
            }
            return requests == 0 ? Double.NaN : records / requests;
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read the producer metrics of " + connector, e);
        }
    }
}
