from leaddocs.cli import main

main()
