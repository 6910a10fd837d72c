package dev.flexkit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

public final class ObjectMappers {
  private ObjectMappers() {}

  /**
   * Jackson's defaults, shared by every class that reads or builds JSON itself (Twilio's trees,
   * twilio-java's maps, request bodies read by hand): nulls stay visible, unlike on our wire.
   */
  public static final ObjectMapper PLAIN = new ObjectMapper();

  /** Our API's JSON (see {@link #create}), bound once into Jersey and used for error bodies. */
  public static final ObjectMapper WIRE = create();

  /** ISO-8601 times, no nulls on the wire, and tolerance for fields newer clients add. */
  public static ObjectMapper create() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
