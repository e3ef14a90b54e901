// Every test class here drives real processes on a 2-core machine. Running the classes one at a time keeps the
// machine's load predictable, and with it the time each wait takes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
