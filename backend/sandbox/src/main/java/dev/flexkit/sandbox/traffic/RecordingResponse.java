package dev.flexkit.sandbox.traffic;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * Records the call just before the first byte of the answer leaves, so that whoever received the
 * answer already finds the call in the log (recording after the chain returns would race them).
 */
final class RecordingResponse extends HttpServletResponseWrapper {
  private final IntConsumer onAnswer;
  private boolean recorded;
  private ServletOutputStream stream;

  RecordingResponse(HttpServletResponse response, IntConsumer onAnswer) {
    super(response);
    this.onAnswer = onAnswer;
  }

  synchronized void recordOnce() {
    if (!recorded) {
      recorded = true;
      onAnswer.accept(getStatus());
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    recordOnce();
    super.flushBuffer();
  }

  @Override
  public synchronized ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream delegate = super.getOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              recordOnce();
              delegate.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              recordOnce();
              delegate.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              recordOnce();
              delegate.flush();
            }

            @Override
            public void close() throws IOException {
              recordOnce();
              delegate.close();
            }

            @Override
            public boolean isReady() {
              return delegate.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              delegate.setWriteListener(listener);
            }
          };
    }
    return stream;
  }
}
