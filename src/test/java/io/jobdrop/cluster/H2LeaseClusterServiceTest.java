package io.jobdrop.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.LedgerDatabase;

import java.util.UUID;

class H2LeaseClusterServiceTest extends LeaseClusterServiceBehaviour {

    @Override
    HikariDataSource open() {
        return LedgerDatabase.open("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
