package io.jobdrop.intake.table;

import org.apache.camel.component.jdbc.ConnectionStrategy;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One poll's transaction on a table source, shared by every camel-jdbc step of the poll.
 *
 * <p>Why: {@code FOR UPDATE} locks last only as long as the transaction that took them. camel-jdbc on its own takes a
 * fresh pooled connection per statement and commits it ({@code resetAutoCommit=true}), which would let go of the rows
 * right after the select, before they are judged and written back: a second instance could take them meanwhile. With
 * {@code resetAutoCommit=false} camel-jdbc leaves commit to the caller, and this {@link ConnectionStrategy} (the hook
 * camel-jdbc offers for transaction managers) hands every statement of the poll the one connection {@link #begin}
 * opened. camel-jdbc closes a transactional connection when the exchange that used it completes, and each row's
 * write-back is an exchange of its own (the split): so it is handed a view of the connection whose {@code close()}
 * does nothing, as Spring's TransactionAwareDataSourceProxy does, and only {@link #commit} or {@link #release} close
 * the real one. The route runs its steps on one
 * thread (a synchronous timer, a sequential split), so the connection is bound to the thread, as Spring's
 * transaction synchronisation does. {@link #commit} or {@link #release} end it.
 */
public final class TableTransaction implements ConnectionStrategy {

    private final DataSource pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<Connection> view = new ThreadLocal<>();

    public TableTransaction(DataSource pool) {
        this.pool = pool;
    }

    /** Opens the poll's transaction on this thread. */
    void begin() throws SQLException {
        release();
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        current.set(connection);
        view.set(unclosable(connection));
    }

    /** Commits the poll's transaction: the write-backs become visible and the rows' locks are released. */
    void commit() throws SQLException {
        Connection connection = bound();
        try {
            connection.commit();
        } finally {
            current.remove();
            view.remove();
            connection.close();
        }
    }

    /** Ends a poll that did not commit: its write-backs are rolled back, its rows stay {@code new} for a later poll. */
    void release() {
        Connection connection = current.get();
        if (connection == null) {
            return;
        }
        current.remove();
        view.remove();
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken (database gone): closing it returns it to the pool, which evicts it
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to end
        }
    }

    /** Whether this thread's poll still has its transaction (a failure ends it early). */
    boolean isOpen() {
        return current.get() != null;
    }

    @Override
    public Connection getConnection(DataSource dataSource) {
        bound();
        return view.get();
    }

    @Override
    public boolean isConnectionTransactional(Connection connection, DataSource dataSource) {
        return true;
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(TableTransaction.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Connection bound() {
        Connection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("no table transaction on this thread: the route must begin one first");
        }
        return connection;
    }
}
