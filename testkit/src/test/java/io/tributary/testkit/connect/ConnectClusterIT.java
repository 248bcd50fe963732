package io.tributary.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.net.LoopbackAssertions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectClusterIT {

    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.builder().workers(2).start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void producesAndConsumesThroughTheBroker() {
        cluster.createTopic("smoke", 2);
        cluster.produce("smoke", "k1", "v1");
        cluster.produce("smoke", "k2", "v2");

        List<ConsumerRecord<byte[], byte[]>> records = cluster.consume(2, Duration.ofSeconds(30), "smoke");

        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void restApiListsTheRuntimeTransformsWithTheirVersion() {
        assertThat(cluster.plugins())
                .anySatisfy(p -> {
                    assertThat(p.className()).isEqualTo("org.apache.kafka.connect.transforms.InsertField$Value");
                    assertThat(p.type()).isEqualTo("transformation");
                    assertThat(p.version()).isEqualTo("4.3.1");
                });
    }

    @Test
    void brokerAndRestListenOnlyOnLoopback() {
        int brokerPort = Integer.parseInt(cluster.bootstrapServers().split(",")[0].replaceAll(".*:", ""));
        LoopbackAssertions.assertListensOnLoopbackOnly(brokerPort);
        LoopbackAssertions.assertListensOnLoopbackOnly(URI.create(cluster.restUrl()).getPort());
    }

    @Test
    void aWorkerCanBeStoppedAndAnotherAdded() {
        WorkerHandle first = cluster.workers().get(0);
        cluster.stopWorker(first);
        assertThat(cluster.workers()).hasSize(1).doesNotContain(first);

        WorkerHandle added = cluster.addWorker();

        assertThat(cluster.workers()).hasSize(2).contains(added);
        assertThat(cluster.get("connectors").status()).isEqualTo(200);
    }
}
