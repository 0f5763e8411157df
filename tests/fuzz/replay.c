/* Runs a libFuzzer target's entry point on the files named on the command
 * line (directories: every file in them), so that the inputs fuzzing once
 * crashed on stay in the ordinary test suite without clang or libFuzzer. */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    char *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(path, &data, &len, &error)) {
        fprintf(stderr, "replay: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    /* A private copy of exactly len bytes, as libFuzzer passes it, so that
     * a read past the end is caught by the sanitizers. */
    uint8_t *copy = g_memdup2(data, len);
    LLVMFuzzerTestOneInput(copy, len);
    g_free(copy);
    g_free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int failed = 0, replayed = 0;
    for (int i = 1; i < argc; i++) {
        if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            failed += replay_file(argv[i]);
            replayed++;
            continue;
        }
        GDir *dir = g_dir_open(argv[i], 0, NULL);
        const char *name;
        while (dir && (name = g_dir_read_name(dir))) {
            char *path = g_build_filename(argv[i], name, NULL);
            if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
                failed += replay_file(path);
                replayed++;
            }
            g_free(path);
        }
        if (dir)
            g_dir_close(dir);
    }
    printf("replay: %d inputs, %d unreadable\n", replayed, failed);
    return failed ? 1 : 0;
}
