package io.tributary.common.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class MBeansTest {

    public interface CounterMXBean {
        long getCount();
    }

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void registersReplacesAndUnregisters() throws Exception {
        ObjectName name = MBeans.name("io.tributary.test:type=counter,task=\"0\"");
        CounterMXBean first = () -> 1;
        CounterMXBean second = () -> 2;

        assertThat(MBeans.register(name, first, CounterMXBean.class)).isEqualTo(name);
        assertThat(SERVER.getAttribute(name, "Count")).isEqualTo(1L);
        MBeans.register(name, second, CounterMXBean.class);
        assertThat(SERVER.getAttribute(name, "Count")).as("a restarted task's bean replaces the old one")
                .isEqualTo(2L);

        MBeans.unregister(name);
        assertThat(SERVER.isRegistered(name)).isFalse();
        MBeans.unregister(name); // twice is harmless
    }

    @Test
    void aNameThatIsNoObjectNameMeansNoMetricsNotAFailure() {
        assertThat(MBeans.name("no domain, no keys")).isNull();
        assertThat(MBeans.register(null, () -> 1L, CounterMXBean.class)).isNull();
        MBeans.unregister(null);
    }
}
