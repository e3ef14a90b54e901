// Every test class here drives real processes on a 2-core machine; running them one at a time keeps the
// machine's load, and so the tests' waits, predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
