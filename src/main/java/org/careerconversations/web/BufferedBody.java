package org.careerconversations.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The body of an answer kept in memory instead of being sent, for a filter that may still change or replace
 * it: the stream and the writer a response wrapper hands out while it holds the answer back.
 */
public final class BufferedBody {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    public ServletOutputStream stream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) {
                    bytes.write(buffer, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a held answer is written synchronously");
                }
            };
        }
        return stream;
    }

    public PrintWriter writer(Charset charset) {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream(), charset));
        }
        return writer;
    }

    /** What was written so far, the writer's text included. */
    public byte[] toByteArray() {
        flushWriter();
        return bytes.toByteArray();
    }

    public int size() {
        flushWriter();
        return bytes.size();
    }

    public void writeTo(OutputStream out) throws IOException {
        flushWriter();
        bytes.writeTo(out);
    }

    public void reset() {
        bytes.reset();
    }

    private void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }
}
