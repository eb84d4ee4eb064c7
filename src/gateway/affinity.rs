//! Keeping each worker thread on a CPU of its own.
//!
//! With one worker per CPU, letting the scheduler move workers about puts
//! two of them on one CPU now and then while the other CPU runs something
//! else, and the requests of the waiting worker sit out a time slice: on
//! two CPUs shared with the load generator and the backend, p99 latency was
//! 1.7 times nginx's unpinned and on a par with it pinned
//! (`bench/proxy.sh`). Workers are pinned only when there is exactly one
//! per CPU this process may run on; any other count is left to the
//! scheduler, as is every other thread (but the threads a worker's runtime
//! starts for blocking work, such as looking up a backend's host name,
//! share its CPU).

/// The CPUs this process may run on, in order; empty when unknown.
#[cfg(target_os = "linux")]
pub fn allowed_cpus() -> Vec<usize> {
    // SAFETY: `cpu_set_t` is a plain bit array, for which all zeroes is
    // the empty set; the kernel writes at most `size_of::<cpu_set_t>()`
    // bytes into it, and `CPU_ISSET` reads a bit below `CPU_SETSIZE`.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return Vec::new();
        }
        (0..libc::CPU_SETSIZE as usize)
            .filter(|&cpu| libc::CPU_ISSET(cpu, &set))
            .collect()
    }
}

#[cfg(not(target_os = "linux"))]
pub fn allowed_cpus() -> Vec<usize> {
    Vec::new()
}

/// Keeps the calling thread on `cpu`; false when the system refused.
#[cfg(target_os = "linux")]
pub fn pin_current_thread(cpu: usize) -> bool {
    if cpu >= libc::CPU_SETSIZE as usize {
        return false;
    }
    // SAFETY: as above; `cpu` is below `CPU_SETSIZE`, and pid 0 names the
    // calling thread.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) == 0
    }
}

#[cfg(not(target_os = "linux"))]
pub fn pin_current_thread(_cpu: usize) -> bool {
    false
}

/// The CPU for each of `workers` worker threads, or `None` when they are
/// not to be pinned.
pub fn plan(workers: usize, allowed: &[usize]) -> Option<Vec<usize>> {
    (workers > 1 && workers == allowed.len()).then(|| allowed.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_only_one_worker_per_allowed_cpu() {
        assert_eq!(plan(2, &[0, 1]), Some(vec![0, 1]));
        assert_eq!(plan(2, &[2, 5]), Some(vec![2, 5]));
        assert_eq!(plan(1, &[3]), None, "one worker is left to the scheduler");
        assert_eq!(plan(3, &[0, 1]), None);
        assert_eq!(plan(2, &[0, 1, 2, 3]), None);
        assert_eq!(plan(2, &[]), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_can_be_pinned_to_an_allowed_cpu() {
        let allowed = allowed_cpus();
        assert!(!allowed.is_empty());
        let cpu = *allowed.last().unwrap();
        let (pinned, now_allowed) =
            std::thread::spawn(move || (pin_current_thread(cpu), allowed_cpus()))
                .join()
                .unwrap();
        // A sandbox may forbid pinning; serve then runs unpinned.
        if pinned {
            assert_eq!(now_allowed, vec![cpu]);
        }
        assert_eq!(
            allowed_cpus(),
            allowed,
            "other threads are left as they were"
        );
        assert!(!pin_current_thread(usize::MAX));
    }
}
