"""`python -m checker` runs the command line."""

from checker.cli import main

if __name__ == "__main__":  # not when a reading process imports the main module again (multiprocessing)
    main()
