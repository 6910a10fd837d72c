package dev.flexkit.sandbox;

import dev.flexkit.http.ClasspathAssets;
import dev.flexkit.sandbox.control.ControlApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The sandbox agent desktop: a stand-in for Flex UI that runs the real plugin bundle. */
@Path("/sandbox")
@Tag(name = "sandbox")
public final class SandboxDesktopResource {
  private static final ClasspathAssets ASSETS = new ClasspathAssets("public/sandbox/");

  @GET
  @Operation(summary = "The agent desktop (HTML)")
  public Response desktop(@Context UriInfo uri, @Context Request request) {
    // Relative asset URLs only resolve under the trailing slash.
    if (!uri.getPath().endsWith("/")) {
      return Response.status(308)
          .location(uri.getBaseUriBuilder().path("sandbox/").build())
          .build();
    }
    return serve("index.html", request);
  }

  @GET
  @Path("{path: .+}")
  @Operation(summary = "An asset of the agent desktop")
  public Response asset(@PathParam("path") String path, @Context Request request) {
    return serve(path, request);
  }

  private static Response serve(String path, Request request) {
    return ASSETS
        .serve(path, request)
        .orElseThrow(() -> new ControlApiException(404, "not_found", "No such file: " + path));
  }
}
