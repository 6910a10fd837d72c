package dev.flexkit.http;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.List;

/** A servlet the composition root mounts beside the main JAX-RS application, with its filters. */
public record ServletMount(String name, String pathSpec, Servlet servlet, List<Filter> filters) {}
