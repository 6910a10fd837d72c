package dev.flexkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class JsonInputExceptionMapperTest {
  record SendRequest(String to, int retries) {}

  private final ObjectMapper mapper = ObjectMappers.create();
  private final JsonInputExceptionMapper exceptionMapper = new JsonInputExceptionMapper();

  private ApiError.Body map(String body) {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class, () -> mapper.readValue(body, SendRequest.class));
    Response r = exceptionMapper.toResponse(e);
    assertThat(r.getStatus()).isEqualTo(400);
    return ((ApiError) r.getEntity()).error();
  }

  @Test
  void bodyThatDoesNotParseIsA400NamingWhere() {
    ApiError.Body error = map("{\"to\": \"+1555\",\n \"retries\": }");
    assertThat(error.code()).isEqualTo("invalid_json");
    assertThat(error.message()).contains("line 2");
  }

  @Test
  void aFieldOfTheWrongTypeIsA400NamingTheField() {
    ApiError.Body error = map("{\"to\": \"+1555\", \"retries\": \"many\"}");
    assertThat(error.code()).isEqualTo("invalid_field");
    assertThat(error.field()).isEqualTo("retries");
  }

  @Test
  void anEmptyBodyIsInvalidJson() {
    assertThat(map("").code()).isEqualTo("invalid_json");
  }
}
