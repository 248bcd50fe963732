package io.tributary.testkit.s3;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.core.Ordered;

/**
 * Binds every Tomcat connector S3Mock declares (its HTTPS main connector and its extra HTTP one) to 127.0.0.1:
 * S3Mock itself listens on all interfaces.
 */
public class LoopbackConnectors implements BeanPostProcessor, Ordered {

    static final String HOST = "127.0.0.1";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof TomcatServletWebServerFactory factory) {
            factory.setAddress(loopback());
            factory.addConnectorCustomizers(LoopbackConnectors::bindToLoopback);
            factory.getAdditionalConnectors().forEach(LoopbackConnectors::bindToLoopback);
        } else if (bean instanceof Connector connector) {
            bindToLoopback(connector);
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void bindToLoopback(Connector connector) {
        if (!connector.setProperty("address", HOST)) {
            throw new IllegalStateException("Cannot set the address of " + connector);
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(HOST);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
