package io.tributary.cdc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.tributary.testkit.postgres.PostgresServer;

/** Task-level tests: one PostgreSQL per class, and the tasks a test started stopped after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CdcTaskTestBase {

    protected PostgresServer postgres;
    protected CdcTaskFixture fixture;

    @BeforeAll
    void startPostgres() {
        postgres = PostgresServer.start();
        fixture = new CdcTaskFixture(postgres);
    }

    @AfterAll
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopTasks() {
        fixture.stopTasks();
    }
}
