package io.jobdrop.store;

/** The current row of a job, read under a row lock, with what an update or a delivery decision needs. */
record StoredJob(String id, String namespace, String name, long version, long revision, long createTime,
                 DeliveryState delivery) {

    JobRef ref() {
        return new JobRef(id, namespace, name, version);
    }
}
