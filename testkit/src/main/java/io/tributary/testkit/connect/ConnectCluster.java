package io.tributary.testkit.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.PreboundSocketFactoryManager;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

/**
 * A real Kafka (KRaft) + Connect cluster in this JVM, on Kafka's own {@link EmbeddedConnectCluster}, that loads
 * plugins from packaged plugin directories through {@code plugin.path} and listens on loopback only.
 *
 * <p>Start one per test class: {@code ConnectCluster.builder().pluginModules("sink-s3-partitioned").start()}.
 */
public final class ConnectCluster implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedConnectCluster cluster;
    private final List<WorkerHandle> workers = new ArrayList<>();

    private ConnectCluster(EmbeddedConnectCluster cluster) {
        this.cluster = cluster;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plugin as {@code GET /connector-plugins?connectorsOnly=false} lists it. */
    public record PluginInfo(String className, String type, String version) {
    }

    // ---- connectors through the REST API

    /** Creates or updates a connector ({@code PUT /connectors/{name}/config}). */
    public void configureConnector(String name, Map<String, String> config) {
        cluster.configureConnector(name, config);
    }

    /** Validates a config as {@code PUT /connector-plugins/{class}/config/validate} does. */
    public ConfigInfos validate(String connectorClass, Map<String, String> config) {
        return cluster.validateConnectorConfig(connectorClass, config);
    }

    /** The validation messages per key, for keys that have any. */
    public Map<String, List<String>> validationErrors(String connectorClass, Map<String, String> config) {
        return validate(connectorClass, config).configs().stream()
                .filter(info -> !info.configValue().errors().isEmpty())
                .collect(Collectors.toMap(info -> info.configValue().name(), info -> info.configValue().errors()));
    }

    public void deleteConnector(String name) {
        cluster.deleteConnector(name);
    }

    public Optional<ConnectorStateInfo> status(String name) {
        try {
            return Optional.of(cluster.connectorStatus(name));
        } catch (RuntimeException notThereYet) {
            return Optional.empty();
        }
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING; fails with the traces otherwise. */
    public void awaitRunning(String name, int tasks) {
        Await.until(() -> status(name).map(s -> "RUNNING".equals(s.connector().state())
                        && s.tasks().size() == tasks
                        && s.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()))).orElse(false),
                DEFAULT_TIMEOUT, () -> describe(name));
    }

    /** Waits until the connector or one of its tasks FAILED, and returns that trace. */
    public String awaitFailed(String name) {
        Await.until(() -> failureTrace(name).isPresent(), DEFAULT_TIMEOUT, () -> describe(name));
        return failureTrace(name).orElseThrow();
    }

    private Optional<String> failureTrace(String name) {
        return status(name).flatMap(s -> {
            if ("FAILED".equals(s.connector().state())) {
                return Optional.ofNullable(s.connector().trace());
            }
            return s.tasks().stream().filter(t -> "FAILED".equals(t.state()))
                    .map(t -> t.trace()).findFirst();
        });
    }

    private String describe(String name) {
        return status(name).map(s -> "connector " + s.connector().state() + " " + nullToEmpty(s.connector().trace())
                + ", tasks " + s.tasks().stream().map(t -> t.id() + "=" + t.state() + " " + nullToEmpty(t.trace()))
                .toList()).orElse("connector " + name + " has no status yet");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An answer of the REST API. */
    public record RestResponse(int status, String body) {
    }

    /** Every plugin the workers loaded, connectors, transforms, predicates and converters alike. */
    public List<PluginInfo> plugins() {
        RestResponse response = get("connector-plugins?connectorsOnly=false");
        String body = response.body();
        if (response.status() != 200) {
            throw new IllegalStateException("GET /connector-plugins answered " + response.status() + ": " + body);
        }
        try {
            List<Map<String, String>> entries = JSON.readValue(body, new TypeReference<>() { });
            return entries.stream().map(e -> new PluginInfo(e.get("class"), e.get("type"), e.get("version"))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable /connector-plugins answer: " + body, e);
        }
    }

    /** GET on a REST path of the cluster, such as {@code connectors/x/status}; returns status and body. */
    public RestResponse get(String path) {
        return send(HttpRequest.newBuilder(URI.create(cluster.endpointForResource(path))).GET());
    }

    /** PUT of a JSON body on a REST path, such as {@code connector-plugins/X/config/validate}. */
    public RestResponse put(String path, Object jsonBody) {
        try {
            return send(HttpRequest.newBuilder(URI.create(cluster.endpointForResource(path)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + jsonBody + " as JSON", e);
        }
    }

    /** The body of a REST answer as a JSON tree. */
    public static JsonNode json(RestResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON (" + response.status() + "): " + response.body(), e);
        }
    }

    private static RestResponse send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            return new RestResponse(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    // ---- Kafka

    public void createTopic(String topic, int partitions) {
        cluster.kafka().createTopic(topic, partitions);
    }

    public void produce(String topic, String key, String value) {
        cluster.kafka().produce(topic, key, value);
    }

    /** Sends one record as given (a null value for a tombstone, headers, a partition) with a producer of its own. */
    public void produce(ProducerRecord<byte[], byte[]> record) {
        try (var producer = cluster.kafka().createProducer(Map.of())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + record.topic(), e);
        }
    }

    /** At least {@code n} records from the topics, read committed, or fails after {@code timeout}. */
    public List<ConsumerRecord<byte[], byte[]>> consume(int n, Duration timeout, String... topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        cluster.kafka().consume(n, timeout.toMillis(), Map.of("isolation.level", "read_committed"), topics)
                .forEach(records::add);
        return records;
    }

    public String bootstrapServers() {
        return cluster.kafka().bootstrapServers();
    }

    public EmbeddedKafkaCluster kafka() {
        return cluster.kafka();
    }

    // ---- workers

    public List<WorkerHandle> workers() {
        return List.copyOf(cluster.workers());
    }

    /** The REST endpoint of the first running worker. */
    public String restUrl() {
        return cluster.endpointForResource("").replaceAll("/$", "");
    }

    /** Stops one worker, as a crash or a scale-down would; its tasks move to the others after the rebalance delay. */
    public void stopWorker(WorkerHandle worker) {
        cluster.removeWorker(worker);
    }

    public WorkerHandle addWorker() {
        WorkerHandle worker = cluster.addWorker();
        Await.until(() -> cluster.isHealthy(worker), DEFAULT_TIMEOUT, () -> worker + " is not healthy");
        return worker;
    }

    /** Stops one worker and starts a fresh one in its place, as a rolling restart does. */
    public WorkerHandle restartWorker(WorkerHandle worker) {
        stopWorker(worker);
        return addWorker();
    }

    /** The harness itself, for what this class does not wrap. */
    public EmbeddedConnectCluster embedded() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.stop();
    }

    /** Configures and starts a {@link ConnectCluster}. */
    public static final class Builder {
        private int workers = 1;
        private int brokers = 1;
        private final Map<String, String> workerProps = new HashMap<>();
        private final Properties brokerProps = new Properties();
        private final List<Path> pluginDirectories = new ArrayList<>();

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            brokerProps.put(key, value);
            return this;
        }

        /** Loads the packaged plugin of each named module ({@code <module>/target/plugin/...}). */
        public Builder pluginModules(String... modules) {
            for (String module : modules) {
                pluginDirectories.add(io.tributary.testkit.ProjectLayout.pluginDirectory(
                        io.tributary.testkit.ProjectLayout.module(module)));
            }
            return this;
        }

        /** Loads the plugin in this directory (a folder holding {@code lib/}). */
        public Builder pluginDirectory(Path pluginDirectory) {
            pluginDirectories.add(pluginDirectory);
            return this;
        }

        /** Turns on exactly-once source support (KIP-618) on every worker. */
        public Builder exactlyOnceSource() {
            return workerProperty("exactly.once.source.support", "enabled");
        }

        public ConnectCluster start() {
            if (!PreboundSocketFactoryManager.LOOPBACK_ONLY) {
                throw new IllegalStateException("unreachable: the loopback socket manager is not the one loaded");
            }
            // plugin.path lists folders that contain plugin folders; each plugin folder sits in target/plugin.
            String pluginPath = pluginDirectories.stream().map(p -> p.toAbsolutePath().getParent().toString())
                    .distinct().collect(Collectors.joining(","));
            if (pluginPath.isEmpty()) {
                pluginPath = emptyPluginFolder();
            }
            Map<String, String> props = new HashMap<>();
            props.put("plugin.path", pluginPath);
            props.put("plugin.discovery", "service_load");
            props.put("offset.flush.interval.ms", "1000");
            props.put("scheduled.rebalance.max.delay.ms", "5000");
            props.putAll(workerProps);
            if (brokerProps.getProperty("transaction.state.log.replication.factor") == null) {
                brokerProps.put("transaction.state.log.replication.factor", String.valueOf(brokers));
                brokerProps.put("transaction.state.log.min.isr", "1");
            }
            EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                    .name("tributary-" + UUID.randomUUID().toString().substring(0, 8))
                    .numWorkers(workers)
                    .numBrokers(brokers)
                    .brokerProps(brokerProps)
                    .workerProps(props)
                    .build();
            try {
                cluster.start();
            } catch (RuntimeException e) {
                cluster.stop();
                throw e;
            }
            return new ConnectCluster(cluster);
        }

        private static String emptyPluginFolder() {
            try {
                java.io.File dir = java.nio.file.Files.createTempDirectory("tributary-no-plugins").toFile();
                dir.deleteOnExit();
                return dir.getAbsolutePath();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
