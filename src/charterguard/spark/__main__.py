"""`python -m charterguard.spark`, and the driver script given to `spark-submit`.

Absolute imports only: spark-submit runs this file as a script, outside its package.
"""

import sys

from charterguard.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
