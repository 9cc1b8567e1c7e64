package io.tipoff.api.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A request refused before its body was read (no key: 401; a body declared too large: 413; the wrong content type:
 * 415) is answered and its connection closed, and the rest of its body is never read. Left to itself Tomcat reads
 * ("swallows") up to {@code server.tomcat.max-swallow-size} of an unread body after the answer to keep the connection
 * alive, and a client that declares a large body and sends nothing holds a request thread for the whole read timeout:
 * two hundred such connections, without any key, stopped the api answering even its health probe. An engine valve,
 * so that it acts after the error page (if any) is written.
 */
@Component
class UnreadBodies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new CloseOnRefusedBody());
    }

    /** Whether the request came with a body: a length above zero, or chunked. */
    static boolean declaresBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    static final class CloseOnRefusedBody extends ValveBase {

        CloseOnRefusedBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (response.getStatus() >= 400 && !request.isAsync() && hasUnreadBody(request)) {
                // Tomcat's own way for a refused upload: answer, read no more, close the connection. The answer says
                // so, or a client that keeps connections alive sends its next request down the closing one.
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }

        private static boolean hasUnreadBody(Request request) {
            if (!declaresBody(request)) {
                return false;
            }
            AtomicBoolean fullyRead = new AtomicBoolean();
            request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
            return !fullyRead.get();
        }
    }
}
