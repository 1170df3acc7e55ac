"""The job lists: today's appointments and all jobs, on a lazily filled Qt table model."""
