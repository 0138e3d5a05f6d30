package io.jobdrop.intake.table;

import org.apache.camel.Exchange;

/**
 * The table routes' error policy step (routeConfiguration jobdrop-table-errors): hands a failed poll to the intake of
 * the source that failed, which {@link TableIntake#begin} put on the exchange.
 */
public final class TablePollErrors {

    public void failed(Exchange exchange) {
        TableIntake intake = exchange.getProperty(TableIntake.INTAKE, TableIntake.class);
        if (intake != null) {
            intake.failed(exchange);
        }
    }
}
