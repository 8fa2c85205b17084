package io.customeridentity.shared.edge;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge: the request-body and query-string filters, and Tomcat: its own error answers become problem details ({@link ProblemErrorReportValve} replaces the
 * HTML error report, Spring Boot's included), and a request body may pause at most
 * {@code customer-identity.http.body-read-timeout} between two reads.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(EdgeProperties limits) {
        return new RequestBodyLimitFilter(limits);
    }

    @Bean
    QueryStringFilter queryStringFilter() {
        return new QueryStringFilter();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatEdge(EdgeProperties limits) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                // An encoded slash or backslash reaches the application undecoded: Spring Security's firewall
                // refuses it on every path but a customer-ID candidate's, which answers it like any typed text.
                connector.setEncodedSolidusHandling("passthrough");
                connector.setEncodedReverseSolidusHandling("passthrough");
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout(
                            (int) limits.bodyReadTimeout().toMillis());
                }
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.addLifecycleListener(event -> {
                        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                            useProblemErrorReports(host);
                        }
                    });
                }
            });
        };
    }

    /** Runs when every customizer has added its valves, so that no other error report is left to answer first. */
    private static void useProblemErrorReports(StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }
}
