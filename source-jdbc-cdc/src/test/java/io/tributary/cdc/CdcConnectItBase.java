package io.tributary.cdc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.postgres.PostgresServer;

/** Connect-level tests of the packaged plugin: one PostgreSQL and one Connect cluster per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CdcConnectItBase {

    protected PostgresServer postgres;
    protected ConnectCluster connect;

    /** The cluster this class runs on; by default one worker with the packaged CDC plugin. */
    protected ConnectCluster.Builder cluster() {
        return ConnectCluster.builder().pluginModules("source-jdbc-cdc");
    }

    @BeforeAll
    void start() {
        postgres = PostgresServer.start();
        connect = cluster().start();
    }

    @AfterAll
    void stop() {
        if (connect != null) {
            connect.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
