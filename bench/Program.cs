Console.WriteLine("Benchmarks not written yet.");
