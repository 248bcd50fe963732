package io.tributary.common.jmx;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a task's MXBeans on the platform MBean server and removes them. A metric is never worth failing a task
 * for: problems are logged and the task goes on without it.
 */
public final class MBeans {

    private static final Logger LOG = LoggerFactory.getLogger(MBeans.class);

    private MBeans() {
    }

    /**
     * Registers {@code bean} as an MXBean of {@code type} under {@code name}, replacing one already there (a task
     * restarted on this worker before its old instance stopped); does nothing when {@code name} is null.
     *
     * @return {@code name}, or null when it could not be registered
     */
    public static <T> ObjectName register(ObjectName name, T bean, Class<T> type) {
        if (name == null) {
            return null;
        }
        try {
            MBeanServer server = server();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(bean, type, true), name);
            return name;
        } catch (JMException e) {
            LOG.warn("Could not register JMX metrics {}: {}", name, e.getMessage());
            return null;
        }
    }

    /** Removes what {@link #register} registered under {@code name}, if anything. */
    public static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            if (server().isRegistered(name)) {
                server().unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.debug("Could not unregister {}: {}", name, e.getMessage());
        }
    }

    /** {@code name} as an object name, or null (logged) when it is not one. */
    public static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            LOG.warn("No JMX metrics under {}: {}", name, e.getMessage());
            return null;
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
