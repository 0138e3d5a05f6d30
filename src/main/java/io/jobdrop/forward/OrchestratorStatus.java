package io.jobdrop.forward;

/** Told whether the orchestrator answers at all, so its outage is reported once when it starts and once when it ends. */
public interface OrchestratorStatus {

    OrchestratorStatus NONE = new OrchestratorStatus() {
        @Override
        public void unreachable(String reason) {
        }

        @Override
        public void answered() {
        }
    };

    /** An attempt got no answer (refused, timed out, reset). */
    void unreachable(String reason);

    /** An attempt got an HTTP answer, whatever its status. */
    void answered();
}
