// launchstat LOG EXE [ARGS...]: runs EXE as a child with the same stdio and environment, waits for it, and appends
// one line to LOG: "<wall ms> <user CPU ms> <system CPU ms> <peak RSS KiB> <exit status>", fork to exit. Terraform
// starts a wrapper script in its place (bench/run.sh), so every provider launch of a plan is measured the way
// Terraform runs it. SIGINT and SIGTERM are passed on to the child.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child;

static void forward(int sig) {
  if (child > 0) kill(child, sig);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: launchstat LOG EXE [ARGS...]\n");
    return 2;
  }
  double start = now_ms();
  child = fork();
  if (child < 0) return perror("fork"), 2;
  if (child == 0) {
    execv(argv[2], argv + 2);
    perror("execv");
    _exit(127);
  }
  struct sigaction sa = {0};
  sa.sa_handler = forward;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  int status;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
  }
  double wall = now_ms() - start;
  FILE *log = fopen(argv[1], "a");
  if (log) {
    fprintf(log, "%.1f %.1f %.1f %ld %d\n", wall, usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3,
            usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3, usage.ru_maxrss,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    fclose(log);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
