package dev.flexkit.health;

/** One dependency the service needs to be ready. */
public interface HealthCheck {
  String name();

  Result check();

  record Result(boolean healthy, String detail) {
    public static Result healthy(String detail) {
      return new Result(true, detail);
    }

    public static Result unhealthy(String detail) {
      return new Result(false, detail);
    }
  }
}
