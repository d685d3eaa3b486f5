<?php
# Plugin Name: Hash Commented
# Description: Uses shell-style comments for its header.
# Version: 5.2
# Author: Hashbang Ltd
# Text Domain: hash-commented
