package dev.flexkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What any HTTP client sees of the service in its embedded default (sandbox + H2). */
class HttpSurfaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    return JSON.readTree(r.body());
  }

  @Test
  void healthReportsLiveAndReadyWithTheDatabase() throws Exception {
    HttpResponse<String> r = kit.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("live").asBoolean()).isTrue();
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("mode").asText()).isEqualTo("sandbox");
    assertThat(body.at("/checks/database/healthy").asBoolean()).isTrue();
    assertThat(body.at("/checks/database/detail").asText()).startsWith("H2");
    assertThat(kit.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(json(kit.get("/health/ready")).path("ready").asBoolean()).isTrue();
  }

  @Test
  void openApiIsAValidDocumentDescribingTheResources() throws Exception {
    HttpResponse<String> r = kit.get("/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths())
        .containsKeys("/health", "/health/ready", "/plugin/{file}", "/sandbox");
    assertThat(parsed.getOpenAPI().getServers().get(0).getUrl())
        .isEqualTo(kit.kit().publicBaseUrl().toString());
    assertThat(r.body()).doesNotContain("/openapi.json");
  }

  @Test
  void unknownPathsAnswerJsonNotHtml() throws Exception {
    HttpResponse<String> r = kit.get("/no/such/thing");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
  }

  @Test
  void aWrongMethodAnswers405JsonWithAllow() throws Exception {
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/health"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("method_not_allowed");
    assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET");
  }

  @Test
  void requestsJettyRejectsItselfAreJsonToo() throws Exception {
    String raw = rawRequest("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 400");
    assertThat(raw).contains("application/json").contains("{\"error\":{\"code\":\"bad_request\"");
    assertThat(raw.toLowerCase()).doesNotContain("<html");
  }

  @Test
  void corsPreflightIsAnsweredOnlyForConfiguredOrigins() {
    HttpResponse<String> allowed =
        kit.send(
            HttpRequest.newBuilder(kit.url("/health"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://flex.twilio.com")
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .build());
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://flex.twilio.com");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
        .get()
        .asString()
        .containsIgnoringCase("authorization")
        .containsIgnoringCase("idempotency-key");

    HttpResponse<String> foreign =
        kit.send(
            HttpRequest.newBuilder(kit.url("/health"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .build());
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> simple = kit.get("/health", "Origin", "https://flex.twilio.com");
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://flex.twilio.com");
    assertThat(
            kit.get("/health", "Origin", "https://flex.twilio.com.evil.com")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
  }

  @Test
  void theRootPointsANewcomerToTheDesktop() throws Exception {
    JsonNode body = json(kit.get("/"));
    assertThat(body.at("/links/agentDesktop").asText()).isEqualTo("/sandbox/");
    assertThat(body.path("mode").asText()).isEqualTo("sandbox");
  }

  @Test
  void thePluginBundleIsServedWithRevalidation() {
    HttpResponse<String> r = kit.get("/plugin/plugin-flex-messaging-kit.js");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/javascript");
    assertThat(r.body()).contains("plugin-flex-messaging-kit");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(kit.get("/plugin/plugin-flex-messaging-kit.js", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    HttpResponse<String> traversal = kit.get("/plugin/..%2Fsandbox%2Findex.html");
    assertThat(traversal.statusCode()).isIn(400, 404);
    assertThat(traversal.body()).startsWith("{\"error\":");
  }

  @Test
  void thePhoneNumberingPlansAreServedNextToTheBundle() {
    HttpResponse<String> r = kit.get("/plugin/phone-metadata.min.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(r.body()).contains("\"countries\"").contains("\"GB\"");
    assertThat(r.headers().firstValue("ETag")).isPresent();
  }

  @Test
  void theSandboxDesktopIsServedAtSandbox() {
    HttpResponse<String> page = kit.get("/sandbox/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("/sandbox/harness.js");
    HttpResponse<String> script = kit.get("/sandbox/harness.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/javascript");
    HttpResponse<String> bare = kit.get("/sandbox");
    assertThat(bare.statusCode()).isEqualTo(308);
    assertThat(bare.headers().firstValue("Location")).get().asString().endsWith("/sandbox/");
  }

  private static String rawRequest(String request) throws IOException {
    URI base = kit.url("/");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
