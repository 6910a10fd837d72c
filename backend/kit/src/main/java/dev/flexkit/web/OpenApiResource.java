package dev.flexkit.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/openapi.json")
@Hidden
public final class OpenApiResource {
  private final OpenApiDocument document;

  @Inject
  public OpenApiResource(OpenApiDocument document) {
    this.document = document;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String openApi() {
    return document.json();
  }
}
