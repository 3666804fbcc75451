package io.strata.adapters.persistence.shared;

import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A parameter Strata sends to PostgreSQL in the type's binary form ({@link BinaryTimestamp}, {@link BinaryTextArray}):
 * made from a Java value, never null (bind SQL NULL with {@code setNull}), and never filled from the driver, which
 * only asks its length, its bytes and, should binary sending of the type be off, its text ({@link #getValue()}).
 */
abstract class BinaryParameter extends PGobject implements PGBinaryObject {
    private static final long serialVersionUID = 1L;

    BinaryParameter(String type) {
        this.type = type;
    }

    /** The value in the type's text form: what pgjdbc sends when it does not send binary. */
    @Override
    public abstract String getValue();

    @Override
    public final boolean isNull() {
        return false;
    }

    @Override
    public final void setValue(String value) {
        throw new UnsupportedOperationException("a binary parameter is made from its Java value");
    }

    @Override
    public final void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a binary parameter is made from its Java value");
    }
}
