Console.WriteLine("Tour: not written yet");
